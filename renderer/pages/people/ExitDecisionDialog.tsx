import { SpecFormModal } from '../../components/SpecForm';
import { useMemo } from 'react';
import { exitDecisionInput } from '../../../shared/schemas/exitDecisions';
import type { PersonDetail } from '../../../shared/schemas/personOutput';
import type { ExitTriggerRule } from '../../../shared/rules/yearly';
import { todayIso } from '../../../shared/format';
import { call } from '../../api';
import type { FieldValues } from 'react-hook-form';
import type { z } from 'zod';

export type OpenTrigger = PersonDetail['exitTriggers'][number];

/** rule S11a: the clerk keeps a person despite an S11 exit trigger, and says why (留用说明). */
export function ExitDecisionDialog(props: {
  person: PersonDetail;
  trigger: OpenTrigger | null;
  onClose: () => void;
  onDone: (p: PersonDetail) => void;
}) {
  const t = props.trigger;
  const initial = useMemo(
    () => ({ personId: props.person.id, rule: t?.rule ?? 'S11-absence', triggerYear: t?.year ?? 0, decidedOn: todayIso(), reason: '' }),
    [props.person.id, t],
  );
  return (
    <SpecFormModal
      title={`记录留用说明：${props.person.name}`}
      open={t !== null}
      schema={exitDecisionInput as unknown as z.ZodType<FieldValues>}
      intro={t && <p data-testid="exit-decision-trigger">{t.detail}。记录后该退出情形不再列入预警，说明记入变更记录。</p>}
      fields={[
        { name: 'decidedOn', label: '决定日期', kind: 'date', required: true },
        { name: 'reason', label: '留用理由', kind: 'textarea', required: true, extra: '如：经卫生院研究，情况属实，给予警告并继续留用' },
      ]}
      initial={initial}
      onCancel={props.onClose}
      onSubmit={async (v) => {
        const values = v as { rule: ExitTriggerRule; triggerYear: number; decidedOn: string; reason: string };
        props.onDone(
          await call('people.recordExitDecision', {
            personId: props.person.id,
            rule: values.rule,
            triggerYear: values.triggerYear,
            decidedOn: values.decidedOn,
            reason: values.reason,
          }),
        );
      }}
      okText="记录"
    />
  );
}
