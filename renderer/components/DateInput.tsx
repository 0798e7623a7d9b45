import { DatePicker } from 'antd';
import dayjs from 'dayjs';

/** A date picker that speaks ISO strings (YYYY-MM-DD), which is what the core stores. */
export function DateInput(props: {
  id?: string;
  value: string | null | undefined;
  onChange: (v: string | null) => void;
  onBlur?: () => void;
  allowClear?: boolean;
}) {
  const d = props.value ? dayjs(props.value) : null;
  return (
    <DatePicker
      id={props.id}
      value={d && d.isValid() ? d : null}
      format="YYYY-MM-DD"
      allowClear={props.allowClear ?? true}
      placeholder="年-月-日"
      onChange={(v) => props.onChange(v ? v.format('YYYY-MM-DD') : null)}
      onBlur={props.onBlur}
      style={{ width: 160 }}
    />
  );
}
