/** The clinic's own particulars, two to a line: the head of the file on screen and on paper. */
import { chineseDate } from '../../../shared/format';
import type { ClinicFile } from '../../../shared/schemas/clinicFile';
import { propertyLabels } from '../../../shared/schemas/clinics';

export function headLines(f: ClinicFile): [string, string, string, string][] {
  const c = f.clinic;
  return [
    ['卫生室名称', c.name, '机构编码', c.code || '未填'],
    ['状态', c.status === 'open' ? '运行' : `已撤销（${chineseDate(c.closedOn)}）`, '负责人', c.headName || '未指定'],
    ['地址', c.address || '未填', '产权', propertyLabels[c.property]],
    ['业务用房', `${c.buildingArea} ㎡`, '医保定点', c.insurancePoint ? '是' : '否'],
    ['服务人口', `${c.servicePopulation.toLocaleString('en-US')} 人`, '应配 / 实有村医', `${c.requiredDoctors} / ${c.actualDoctors} 人`],
  ];
}
