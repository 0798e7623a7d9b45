/**
 * One line per settings group naming the pages and returns it affects (issue 12, "Also"): the
 * clerk changing a figure here sees where it will show. A group not listed has no line.
 */
export const settingsGroupHelp: Readonly<Record<string, string>> = {
  单位信息: '用于所有报表和“导出本视图到 Excel”的表头（填报单位）和签名栏（填报人、审核人、单位负责人）。',
  村卫生室与人员: '影响“行政村”“村卫生室”“人员档案”“预警提醒”页面和“上报报表”中的人员配备、花名册（S1–S8、S14）。',
  培训: '影响“人员档案”中的本年培训进度、“预警提醒”中的培训不足（S9）和擅自离岗（S11）。',
  药品: '影响“药品”下的药品请领、采购计划、药品库存、集采药品页面和药品报表（D3 审批、近效期提醒）。',
  督导考核: '影响“督导考核”下的月度督导、季度考核和绩效分配页面及其报表（P5–P7）。',
  数据安全: '影响自动备份的保留份数和闲置多久须重新登录；备份与恢复见本页下方“数据备份”。',
  固定资产折旧年限: '影响“固定资产”页面的折旧、净值和“上报报表”中的固定资产台账（A4）。',
};
