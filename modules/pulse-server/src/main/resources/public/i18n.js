// Words for the screen and the form, in Chinese (default) and English.
const I18N = {
  zh: {
    title: '重点项目投资实时监测', connecting: '连接中', live: '实时', down: '连接中断，正在重连',
    unavailable: '数据暂不可读，稍后重试', projects: '重点项目', unitCount: '个', totalInvestment: '总投资',
    annualPlan: '年度计划投资', completedThisYear: '本年完成投资', started: '开工 / 开工率', completed: '竣工 / 竣工率',
    lights: '预警（红/黄/绿）', wan: '万元', progress: '投资完成进度', completionRate: '完成率', targetRate: '时序进度',
    deviation: '偏差', curve: '累计计划与完成（S曲线）', byArea: '各领域计划与完成', ranking: '责任单位排名',
    unit: '责任单位', doneThisYear: '本年完成', achievement: '完成/应完成', grade: '等次', warnings: '红黄灯项目', ticker: '最新报送',
    plan: '计划', actual: '完成', cumulativePlan: '累计计划', cumulativeActual: '累计完成', reports: '报送',
    investment: '投资', filter: '筛选', clear: '（点击取消）', months: '各月投资', milestones: '节点', planned: '计划',
    reached: '实际', issues: '问题', light: '灯', reasons: '原因', status: '状态', township: '乡镇', area: '领域',
    none: '无', points: '个百分点',
    reportTitle: '项目投资与节点报送', chooseUnit: '责任单位', chooseProject: '项目', investTab: '月度投资',
    milestoneTab: '形象进度节点', period: '月份', amount: '投资额（万元）', reason: '说明 / 更正原因', submit: '报送',
    milestone: '节点', date: '日期', note: '备注', reportedBefore: '该月已报送', correction: '本次为更正，请填写更正原因',
    accepted: '已报送，Kafka 已确认', notReported: '该月尚未报送', screen: '监测大屏',
    login: '登录', username: '用户名', password: '密码', loginFailed: '用户名或密码不正确', logout: '退出',
    deadLetters: '未能读取的记录', operator: '运维',
    liveView: '实时', yearView: '年（全年）', closedView: '已关账', revision: '第{n}版', asOf: '数据截至',
    frozen: '已关账 · 冻结数据', bulletin: '通报', blockers: '问题清单', owner: '责任单位', due: '时限', age: '已{n}天',
    overdue: '逾期{n}天', failingReminders: '发送失败的提醒', processingPaused: '处理已暂停：报送照常接收并保存，数字在恢复后更新', deadline: '报送截止', late: '已逾期',
    dueIn: '距截止还有{n}天', dueToday: '今天截止', resolved: '已解决',
    uploadTab: '表格导入', uploadHint: '下载模板，按表头填写后上传（.xlsx，或 UTF-8 / GBK 编码的 .csv，最多 20000 行、10 MB）。先预检，确认无误后导入；同一文件再次导入不会重复写入。',
    templates: '模板：', templateReports: '月度报送', templatePlans: '年度计划', templateProjects: '项目清单', file: '文件',
    check: '预检', confirmImport: '确认导入', uploading: '正在上传', checking: '正在检查', chooseFile: '请先选择文件',
    sheet: '工作表', row: '行', type: '类型', change: '变化', NEW: '新增', CHANGED: '更改', UNCHANGED: '不变',
    previewSummary: '新增 {a} 条，更改 {c} 条，不变 {u} 条，错误 {e} 处', imported: '已导入 {n} 条，Kafka 已确认',
    nothingToWrite: '没有需要写入的内容（与系统中一致）', fixErrors: '请修改表格中的错误后重新上传，本次未写入任何内容',
    InvestmentReported: '月度投资', MilestoneReached: '节点', ProjectRegistered: '项目', AnnualPlanSet: '年度计划',
    confirmFigure: '核实无误，确认报送（请在“说明 / 更正原因”中写明情况）', confirmedFigure: '超计划已核实',
  },
  en: {
    title: 'Key Projects: Live Investment Monitor', connecting: 'Connecting', live: 'Live',
    down: 'Disconnected, reconnecting', unavailable: 'Figures not readable yet, retrying', projects: 'Key projects',
    unitCount: '', totalInvestment: 'Total investment', annualPlan: 'Annual plan', completedThisYear: 'Completed this year',
    started: 'Started / rate', completed: 'Completed / rate', lights: 'Lights (red/yellow/green)', wan: '×10k CNY',
    progress: 'Progress against target', completionRate: 'Completion', targetRate: 'Target', deviation: 'Deviation',
    curve: 'Cumulative plan vs actual (S-curve)', byArea: 'Plan vs completed by work area', ranking: 'Unit ranking',
    unit: 'Unit', doneThisYear: 'Done this year', achievement: 'Done / due', grade: 'Grade', warnings: 'Red and yellow projects', ticker: 'Latest reports',
    plan: 'Plan', actual: 'Actual', cumulativePlan: 'Cumulative plan', cumulativeActual: 'Cumulative actual',
    reports: 'reports', investment: 'investment', filter: 'Filter', clear: ' (click to clear)', months: 'Monthly investment',
    milestones: 'Milestones', planned: 'Planned', reached: 'Reached', issues: 'Open issues', light: 'Light',
    reasons: 'Reasons', status: 'Status', township: 'Township', area: 'Work area', none: 'none', points: ' points',
    reportTitle: 'Report investment and milestones', chooseUnit: 'Unit', chooseProject: 'Project',
    investTab: 'Monthly investment', milestoneTab: 'Milestone', period: 'Month', amount: 'Amount (×10k CNY)',
    reason: 'Note / reason for a correction', submit: 'Report', milestone: 'Milestone', date: 'Date', note: 'Note',
    reportedBefore: 'Already reported for this month', correction: 'This is a correction: please give the reason',
    accepted: 'Reported; Kafka acknowledged it', notReported: 'Not reported yet for this month', screen: 'Screen',
    login: 'Log in', username: 'Username', password: 'Password', loginFailed: 'Wrong username or password',
    logout: 'Log out', deadLetters: 'Unreadable records', operator: 'Operator',
    liveView: 'Live', yearView: ' (whole year)', closedView: 'closed', revision: 'revision {n}', asOf: 'figures as of',
    frozen: 'Closed period · frozen', bulletin: 'Bulletin', blockers: 'Blockers', owner: 'Owner', due: 'Due',
    age: '{n} days old', overdue: '{n} days overdue', failingReminders: 'Reminders failing to send', processingPaused: 'Processing is paused: reports are taken and kept, figures move again once it resumes', deadline: 'Due by',
    late: 'late', dueIn: '{n} days left', dueToday: 'due today', resolved: 'Resolved',
    uploadTab: 'Spreadsheet', uploadHint: 'Download a template, fill it in under its headers and upload it (.xlsx, or .csv in UTF-8 or GBK; at most 20,000 rows and 10 MB). Check it first, then import; importing the same file again writes nothing.',
    templates: 'Templates: ', templateReports: 'Monthly reports', templatePlans: 'Annual plans', templateProjects: 'Project list',
    file: 'File', check: 'Check', confirmImport: 'Import', uploading: 'Uploading', checking: 'Checking',
    chooseFile: 'Choose a file first', sheet: 'Sheet', row: 'Row', type: 'Type', change: 'Change', NEW: 'new',
    CHANGED: 'changed', UNCHANGED: 'unchanged', previewSummary: '{a} new, {c} changed, {u} unchanged, {e} errors',
    imported: '{n} imported; Kafka acknowledged them', nothingToWrite: 'Nothing to write (the same as in Pulse)',
    fixErrors: 'Fix the errors in the file and upload it again; nothing was written',
    InvestmentReported: 'Investment', MilestoneReached: 'Milestone', ProjectRegistered: 'Project', AnnualPlanSet: 'Annual plan',
    confirmFigure: 'The figure is right: report it as it is (say why under "Note / reason")',
    confirmedFigure: 'confirmed above plan',
  },
};
const AREAS = {
  RURAL: ['乡村振兴', 'Rural'], ECONOMY: ['县域经济', 'Economy'], REFORM: ['改革与营商环境', 'Reform'],
  URBAN: ['城镇化建设', 'Urban'], ECOLOGY: ['生态环保', 'Ecology'], LIVELIHOOD: ['民生', 'Livelihood'],
  GOVERNANCE: ['治理与风险', 'Governance'],
};
const GRADES = { '落实好': ['g1', 'Excellent'], '落实较好': ['g2', 'Good'], '基本落实': ['g3', 'Fair'],
  '落实不力': ['g4', 'Poor'], '落实较差': ['g5', 'Failing'] };
const STATUSES = { PREPARING: ['前期', 'Preparing'], UNDER_CONSTRUCTION: ['在建', 'Building'], COMPLETED: ['竣工', 'Completed'],
  OPERATING: ['投运', 'Operating'], SUSPENDED: ['停工', 'Suspended'] };
const MILESTONES = { APPROVED: ['立项审批', 'Approved'], STARTED: ['开工', 'Started'], STRUCTURE_DONE: ['主体完工', 'Structure done'],
  COMPLETED: ['竣工', 'Completed'], IN_OPERATION: ['投产投运', 'In operation'], OPEN_TO_TRAFFIC: ['通车', 'Open to traffic'] };

let lang = localStorage.getItem('pulse.lang') || 'zh';
const t = (key, n, more = {}) => Object.entries(more).reduce((text, [k, v]) => text.replace(`{${k}}`, v),
  String(I18N[lang] && I18N[lang][key] !== undefined ? I18N[lang][key] : key).replace('{n}', n));
const named = (table, key) => (table[key] ? table[key][lang === 'zh' ? 0 : 1] : key);
function applyI18n() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  const button = document.getElementById('lang');
  if (button) button.textContent = lang === 'zh' ? 'EN' : '中文';
}
function switchLanguage() {
  lang = lang === 'zh' ? 'en' : 'zh';
  localStorage.setItem('pulse.lang', lang);
  applyI18n();
}
/** A project's or warning's reasons in the screen's language (the server sends both). */
const reasonsOf = (item) => (lang === 'en' && item.reasonsEn ? item.reasonsEn : item.reasons) || [];
const money = (value) => Number(value).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percent = (fraction) => `${(Number(fraction) * 100).toFixed(2)}%`;
const escapeHtml = (text) => String(text ?? '').replace(/[&<>"']/g,
  (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
