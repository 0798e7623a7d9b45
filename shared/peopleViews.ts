/** Column definitions of the people list (on screen and in its export). */
import { qualificationLabels } from './rules/qualifications';
import { alertKindInfo } from './schemas/personOutput';
import { employmentKindLabels, personCategoryLabels, sexLabels } from './schemas/people';
import type { ViewDef } from './views';

export const roleLabels: Record<string, string> = { doctor: '村医', head: '负责人' };
const personStatusLabels: Record<string, string> = { active: '在岗', exited: '已退出' };

export const personView: ViewDef = {
  title: '人员名册',
  columns: [
    { id: 'name', header: '姓名', kind: 'text', width: 8, filterable: true },
    { id: 'sex', header: '性别', kind: 'enum', labels: sexLabels, width: 5, filterable: true },
    { id: 'age', header: '年龄', kind: 'int', width: 5 },
    { id: 'idNumber', header: '身份证号', kind: 'text', width: 15, filterable: true },
    { id: 'category', header: '人员类别', kind: 'enum', labels: personCategoryLabels, width: 10, filterable: true },
    { id: 'clinicName', header: '所在卫生室', kind: 'text', width: 13, filterable: true },
    { id: 'role', header: '岗位', kind: 'enum', labels: roleLabels, width: 6, filterable: true },
    { id: 'highestQualification', header: '最高资格', kind: 'enum', labels: qualificationLabels, width: 12, filterable: true },
    { id: 'employmentKind', header: '聘用形式', kind: 'enum', labels: employmentKindLabels, width: 12, filterable: true },
    { id: 'contractEnd', header: '合同到期', kind: 'date', width: 9 },
    { id: 'status', header: '状态', kind: 'enum', labels: personStatusLabels, width: 6, filterable: true },
    { id: 'phone', header: '联系电话', kind: 'text', width: 10, filterable: true },
  ],
};

const alertLevelLabels: Record<string, string> = { error: '严重', warning: '提醒' };
const alertKindLabels: Record<string, string> = Object.fromEntries(Object.entries(alertKindInfo).map(([k, v]) => [k, v.title]));

export const alertView: ViewDef = {
  title: '预警提醒',
  columns: [
    { id: 'level', header: '级别', kind: 'enum', labels: alertLevelLabels, width: 5, filterable: true },
    { id: 'rule', header: '规则', kind: 'text', width: 5, filterable: true },
    { id: 'kind', header: '提醒事项', kind: 'enum', labels: alertKindLabels, width: 16, filterable: true },
    { id: 'subject', header: '对象', kind: 'text', width: 12, filterable: true },
    { id: 'detail', header: '说明', kind: 'text', width: 40, filterable: true },
  ],
};
