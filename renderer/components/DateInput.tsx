/**
 * The one date field of every form and toolbar. It speaks ISO strings (YYYY-MM-DD), which is what
 * the core stores, and reads a typed date the way the import reads a cell (shared/dateText.ts):
 * 2026.12.1, 2026年12月1日, 20261201, 2026-12-1, 2026/12/01, full-width digits, 26.12.1. While
 * typing it shows what it understood (2026年12月1日) beside the field; what it cannot read it says
 * in words (不是有效的日期：2026年13月1日) and keeps the text — never blanking it on leaving.
 * A date it holds is shown in Chinese (2026年12月1日), as everywhere on screen; the form gets ISO.
 * A text it cannot read reaches the form as typed (on leaving the field or Enter), so the form's
 * schema refuses the save instead of saving the date that was there before.
 */
import { CalendarOutlined } from '@ant-design/icons';
import { Button, Calendar, Input, Popover } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { parseTypedDate } from '../../shared/dateText';
import { chineseDate } from '../../shared/format';
import { useOwnFieldMessage } from './fieldHelp';

const boxStyle: CSSProperties = { display: 'inline-flex', alignItems: 'center', gap: 8, flexWrap: 'wrap', maxWidth: '100%' };
const echoStyle: CSSProperties = { color: '#389e0d', fontSize: 13, whiteSpace: 'nowrap' };
const errorStyle: CSSProperties = { color: '#cf1322', fontSize: 13 };

type Reading = { kind: 'empty' } | { kind: 'day'; iso: string } | { kind: 'bad'; reason: string };

/** What the box shows for a value: a day in Chinese; a text that is not a day (a refused entry) as it is. */
function shownText(value: string | null | undefined): string {
  return value ? chineseDate(value) : '';
}

function read(text: string): Reading {
  if (text.trim() === '') return { kind: 'empty' };
  const r = parseTypedDate(text);
  return r.ok ? { kind: 'day', iso: r.value } : { kind: 'bad', reason: r.reason };
}

export function DateInput(props: {
  id?: string;
  value: string | null | undefined;
  onChange: (v: string | null) => void;
  onBlur?: () => void;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
}) {
  const { value, onChange } = props;
  const [text, setText] = useState(shownText(value));
  const [focused, setFocused] = useState(false);
  const [calendarOpen, setCalendarOpen] = useState(false);
  // What this field last told its owner: a value coming back equal to it is our own echo and
  // must not overwrite what is being typed (2026.1.1 on the way to 2026.1.15).
  const told = useRef<string | null | undefined>(value);

  useEffect(() => {
    if (value === told.current) return;
    told.current = value;
    setText(shownText(value));
  }, [value]);

  const tell = (v: string | null) => {
    if (v === told.current) return;
    told.current = v;
    onChange(v);
  };

  const reading = read(text);
  const showError = reading.kind === 'bad' && !(focused && text.trim().length < 6);
  useOwnFieldMessage(showError);

  const typed = (t: string) => {
    setText(t);
    const r = read(t);
    if (r.kind === 'empty' && props.allowClear !== false) tell(null);
    if (r.kind === 'day') tell(r.iso);
  };

  /** Leaving the field or Enter: a good date is shown in Chinese, a bad one goes to the form as typed. */
  const commit = () => {
    const r = read(text);
    if (r.kind === 'day') {
      setText(chineseDate(r.iso));
      tell(r.iso);
    } else if (r.kind === 'bad') {
      tell(text);
    } else if (props.allowClear === false) {
      setText(shownText(value));
    } else {
      tell(null);
    }
  };

  const pick = (iso: string) => {
    setText(chineseDate(iso));
    tell(iso);
    setCalendarOpen(false);
  };

  const shown = reading.kind === 'day' ? dayjs(reading.iso) : dayjs();
  const calendar = (
    <div style={{ width: 280 }}>
      <Calendar
        fullscreen={false}
        value={shown}
        onSelect={(d, info) => {
          if (info.source === 'date') pick(d.format('YYYY-MM-DD'));
        }}
      />
    </div>
  );

  return (
    <span className="date-input" style={boxStyle}>
      <Input
        id={props.id}
        value={text}
        disabled={props.disabled}
        placeholder="如 2026.12.1"
        autoComplete="off"
        status={showError && !focused ? 'error' : undefined}
        aria-invalid={reading.kind === 'bad' && !focused ? true : undefined}
        onChange={(e) => typed(e.target.value)}
        onFocus={() => setFocused(true)}
        onBlur={() => {
          setFocused(false);
          commit();
          props.onBlur?.();
        }}
        onPressEnter={commit}
        style={{ width: 170, ...props.style }}
        suffix={
          <Popover content={calendar} trigger="click" open={calendarOpen} onOpenChange={setCalendarOpen} placement="bottomLeft">
            <Button type="text" size="small" icon={<CalendarOutlined />} aria-label="打开日历" tabIndex={-1} disabled={props.disabled} />
          </Popover>
        }
      />
      {reading.kind === 'day' && text !== chineseDate(reading.iso) && (
        <span className="date-echo" style={echoStyle} data-testid="date-echo">
          {chineseDate(reading.iso)}
        </span>
      )}
      {showError && reading.kind === 'bad' && (
        <span className="date-error" style={errorStyle} role="alert" data-testid="date-error">
          {reading.reason}
        </span>
      )}
    </span>
  );
}
