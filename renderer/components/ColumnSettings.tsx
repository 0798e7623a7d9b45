/**
 * 列设置: the clerk ticks the columns to show, moves them up or down, chooses how many stay
 * frozen on the left, or goes back to the list as it came (恢复默认). Each change applies at once.
 */
import { ArrowDownOutlined, ArrowUpOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, InputNumber, Popover, Space, Tooltip } from 'antd';
import type { ViewDef } from '../../shared/views';
import { visibleIds, type ColumnPrefs } from '../../shared/columnPrefs';

export function ColumnSettings(props: { view: ViewDef; prefs: ColumnPrefs; onChange: (p: ColumnPrefs | null) => void }) {
  const { view, prefs, onChange } = props;
  const headerOf = new Map(view.columns.map((c) => [c.id, c.header]));
  const shown = visibleIds(prefs).length;

  const move = (id: string, by: -1 | 1) => {
    const order = [...prefs.order];
    const at = order.indexOf(id);
    const to = at + by;
    if (at < 0 || to < 0 || to >= order.length) return;
    [order[at], order[to]] = [order[to] as string, id];
    onChange({ ...prefs, order });
  };
  const toggle = (id: string, show: boolean) =>
    onChange({ ...prefs, hidden: show ? prefs.hidden.filter((h) => h !== id) : [...prefs.hidden, id] });

  const content = (
    <div className="column-settings" data-testid="column-settings">
      <div className="column-settings-list">
        {prefs.order.map((id, i) => {
          const visible = !prefs.hidden.includes(id);
          const header = headerOf.get(id) ?? id;
          return (
            <div key={id} className="column-settings-row" data-column={id}>
              <Checkbox
                checked={visible}
                // The last shown column cannot be hidden: an empty list tells the clerk nothing.
                disabled={visible && shown === 1}
                onChange={(e) => toggle(id, e.target.checked)}
              >
                {header}
              </Checkbox>
              <Space size={2}>
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowUpOutlined />}
                  aria-label={`上移 ${header}`}
                  disabled={i === 0}
                  onClick={() => move(id, -1)}
                />
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowDownOutlined />}
                  aria-label={`下移 ${header}`}
                  disabled={i === prefs.order.length - 1}
                  onClick={() => move(id, 1)}
                />
              </Space>
            </div>
          );
        })}
      </div>
      <div className="column-settings-foot">
        <Tooltip title="左右滚动时这几列留在左边不动">
          <span>
            冻结前{' '}
            <InputNumber
              size="small"
              min={0}
              max={3}
              value={prefs.frozen}
              aria-label="冻结列数"
              onChange={(v) => onChange({ ...prefs, frozen: typeof v === 'number' ? v : 0 })}
              style={{ width: 56 }}
            />{' '}
            列
          </span>
        </Tooltip>
        <Button size="small" onClick={() => onChange(null)}>
          恢复默认
        </Button>
      </div>
    </div>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title="列设置（勾选显示，箭头调整顺序）" content={content}>
      <Button icon={<SettingOutlined />}>列设置</Button>
    </Popover>
  );
}
