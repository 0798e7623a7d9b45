import { SpecFormModal } from '../../components/SpecForm';
import { exitReasonLabels, exitReasons, personExit } from '../../../shared/schemas/people';
import type { PersonDetail } from '../../../shared/schemas/personOutput';
import { todayIso } from '../../../shared/format';
import { call } from '../../api';
import type { FieldValues } from 'react-hook-form';
import type { z } from 'zod';

/** S11: exit ends the open post and contract on the exit date; the file itself is kept. */
export function ExitDialog(props: { person: PersonDetail; open: boolean; onClose: () => void; onDone: (p: PersonDetail) => void }) {
  return (
    <SpecFormModal
      title={`办理退出：${props.person.name}`}
      open={props.open}
      schema={personExit as unknown as z.ZodType<FieldValues>}
      fields={[
        { name: 'exitDate', label: '退出日期', kind: 'date', required: true, extra: '当天结束其在岗岗位和聘用合同，档案保留' },
        {
          name: 'reason',
          label: '退出原因',
          kind: 'select',
          required: true,
          options: exitReasons.map((r) => ({ value: r, label: exitReasonLabels[r] })),
        },
        { name: 'note', label: '说明', kind: 'textarea' },
      ]}
      initial={{ id: props.person.id, exitDate: todayIso(), reason: undefined, note: '' }}
      onCancel={props.onClose}
      onSubmit={async (v) =>
        props.onDone(
          await call('people.exit', {
            ...(v as { exitDate: string; reason: (typeof exitReasons)[number]; note: string }),
            id: props.person.id,
          }),
        )
      }
    />
  );
}
