/** One section of the clinic file as a compact table: on screen (rows may link) and on paper (print-table). */
import type { Route } from '../../router';
import type { FileTable } from './fileTables';

export function FileTableView(props: { table: FileTable; paper?: boolean; go?: (r: Route) => void; maxRows?: number }) {
  const { table, paper, go } = props;
  const rows = props.maxRows ? table.rows.slice(0, props.maxRows) : table.rows;
  const hidden = table.rows.length - rows.length;
  if (table.rows.length === 0) return <div className="clinic-file-empty">{table.empty}</div>;
  return (
    <>
      <table className={paper ? 'print-table' : 'clinic-file-table'} data-testid={paper ? undefined : `file-${table.key}`}>
        <thead>
          <tr>
            {table.headers.map((h, i) => (
              <th key={h} className={table.num[i] ? 'num' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, ri) => {
            const link = !paper && r.link ? r.link : undefined;
            return (
              <tr
                key={ri}
                className={`${r.warn ? 'warn' : ''} ${link ? 'clickable' : ''}`}
                onClick={link && go ? () => go(link) : undefined}
                title={link ? '点击打开' : undefined}
              >
                {r.cells.map((cell, i) => (
                  <td key={i} className={table.num[i] ? 'num' : undefined}>
                    {cell}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {hidden > 0 && <div className="clinic-file-more">另有 {hidden} 行，打印档案可见全部</div>}
    </>
  );
}
