/**
 * Paper from any page: a full-screen view over the app with a toolbar that does not print
 * (返回, 打印) and the A4 sheets below it, as they will come out. Printing goes through the
 * system dialog (window.print: the browser's in browser mode, Chromium's in Electron), so the
 * clerk picks the printer or 另存为 PDF as with any document.
 *
 *   <PrintView title="配送单（12 张）" onClose={…}>
 *     <PrintSheet>
 *       <PrintHeader title="药品配送单" unit="东村卫生室" date="2026年12月5日" />
 *       <table className="print-table">…</table>
 *       <SignatureLine labels={['配送人', '接收人']} />
 *     </PrintSheet>
 *   </PrintView>
 *
 * The view is put under <body> beside the app, and while it is open the app itself is not
 * printed (print.css), so no banner, menu or button reaches the paper.
 */
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import './print.css';

export function PrintView(props: {
  /** What is being printed, shown in the toolbar (not printed). */
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** False while the sheets' data is still loading: 打印 waits. */
  ready?: boolean;
  /** A line for the clerk beside the buttons (paper, orientation). */
  hint?: string;
}) {
  const { onClose } = props;
  useEffect(() => {
    document.body.classList.add('print-open');
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      document.body.classList.remove('print-open');
      window.removeEventListener('keydown', onKey);
    };
  }, [onClose]);
  const ready = props.ready ?? true;
  return createPortal(
    <div className="print-root" role="dialog" aria-label={props.title} data-ready={ready ? 'true' : 'false'}>
      <div className="print-toolbar no-print">
        <Button icon={<ArrowLeftOutlined />} onClick={onClose}>
          返回
        </Button>
        <span className="print-toolbar-title">{props.title}</span>
        <Button type="primary" icon={<PrinterOutlined />} disabled={!ready} onClick={() => window.print()} data-testid="print-now">
          打印
        </Button>
        <span className="print-toolbar-hint">{props.hint ?? '打印时请选择 A4 纸；也可在打印对话框中选“另存为 PDF”。'}</span>
      </div>
      <div className="print-sheets">{props.children}</div>
    </div>,
    document.body,
  );
}

/** One sheet of A4 (portrait unless `landscape`); the next sheet starts on a new page. Content longer than a page flows on, its table headers repeated. */
export function PrintSheet(props: { landscape?: boolean; children: ReactNode; className?: string }) {
  return (
    <section className={`print-sheet${props.landscape ? ' print-sheet-landscape' : ''}${props.className ? ` ${props.className}` : ''}`}>
      {props.children}
    </section>
  );
}

/** The head of a county-style paper: title, then 单位 on the left and the date (and anything else) on the right. */
export function PrintHeader(props: { title: string; subtitle?: string; unit?: string; date?: string; right?: ReactNode }) {
  return (
    <header className="print-header">
      <h1 className="print-title">{props.title}</h1>
      {props.subtitle && <div className="print-subtitle">{props.subtitle}</div>}
      <div className="print-meta">
        <span>{props.unit ? `单位：${props.unit}` : ''}</span>
        <span>
          {props.right}
          {props.date ? `日期：${props.date}` : ''}
        </span>
      </div>
    </header>
  );
}

/** Signature lines at the foot of a paper: 配送人：________  接收人：________ (and 日期 when asked). */
export function SignatureLine(props: { labels: readonly string[]; withDate?: boolean }) {
  return (
    <div className="print-signatures">
      {props.labels.map((l) => (
        <span key={l} className="print-signature">
          {l}（签字）：
          <span className="print-blank" />
        </span>
      ))}
      {props.withDate && (
        <span className="print-signature">
          日期：
          <span className="print-blank print-blank-short" />年<span className="print-blank print-blank-tiny" />月
          <span className="print-blank print-blank-tiny" />日
        </span>
      )}
    </div>
  );
}
