// The monitoring screen: a snapshot over Server-Sent Events, then updates as units report.
const COUNTY = 'county/全县';
// warnings: the county's list (pushed); filteredWarnings: the filtered unit's or area's (read when it may have moved).
const state = { totals: {}, ranking: [], warnings: [], filteredWarnings: [], reports: [], curve: [], filter: null,
  blockers: [], view: { mode: 'live' }, liveYear: null };
// SVG, not canvas: the screen is scaled to the display (screen-fit.js), and vectors stay sharp at 4K.
const charts = {
  gauge: echarts.init(document.getElementById('gauge'), null, { renderer: 'svg' }),
  curve: echarts.init(document.getElementById('curve'), null, { renderer: 'svg' }),
  areas: echarts.init(document.getElementById('areas'), null, { renderer: 'svg' }),
};
window.addEventListener('pulse:fit', () => Object.values(charts).forEach((chart) => chart.resize()));

function selectedKey() {
  return state.filter ? `${state.filter.dimension}/${state.filter.key}` : COUNTY;
}

function fieldValue(totals, path) {
  return path.split('.').reduce((value, part) => (value == null ? undefined : value[part]), totals);
}

function renderKpis() {
  const totals = state.totals[selectedKey()];
  if (!totals) return;
  document.querySelectorAll('[data-field]').forEach((el) => {
    const value = fieldValue(totals, el.dataset.field);
    if (value === undefined) return;
    el.dataset.value = String(value);
    if (el.dataset.format === 'percent') el.textContent = percent(value);
    else if (el.dataset.field === 'deviationPoints') el.textContent = `${value > 0 ? '+' : ''}${Number(value).toFixed(2)}${t('points')}`;
    else if (Number.isInteger(value) && !['totalInvestment', 'annualPlan', 'completedThisYear'].includes(el.dataset.field)) el.textContent = String(value);
    else el.textContent = money(value);
  });
  charts.gauge.setOption({
    series: [{
      type: 'gauge', min: 0, max: 100, radius: '95%', center: ['50%', '58%'],
      axisLine: { lineStyle: { width: 18, color: [[0.6, '#a93226'], [0.8, '#b9770e'], [0.9, '#2e86c1'], [1, '#1e8449']] } },
      axisLabel: { color: '#8fa6cc', fontSize: 14 }, splitLine: { length: 18 }, pointer: { width: 6 },
      title: { color: '#8fa6cc', fontSize: 16, offsetCenter: [0, '75%'] },
      detail: { fontSize: 34, color: '#e6eefc', formatter: '{value}%', offsetCenter: [0, '40%'] },
      data: [{
        value: Number(totals.targetRate) > 0
          ? Math.min(100, (Number(totals.completionRate) / Number(totals.targetRate)) * 100).toFixed(1) : 100,
        name: t('achievement'),
      }],
    }],
  });
}

function renderCurve() {
  const lastActual = state.curve.reduce((last, point, i) => (Number(point.actual) > 0 ? i : last), -1);
  charts.curve.setOption({
    tooltip: { trigger: 'axis' },
    legend: { data: [t('cumulativePlan'), t('cumulativeActual')], textStyle: { color: '#e6eefc', fontSize: 16 } },
    grid: { left: 90, right: 30, top: 40, bottom: 40 },
    xAxis: { type: 'category', data: state.curve.map((p) => p.period.slice(5)), axisLabel: { color: '#8fa6cc', fontSize: 15 } },
    yAxis: { type: 'value', axisLabel: { color: '#8fa6cc', fontSize: 14 }, splitLine: { lineStyle: { color: '#1f3d73' } } },
    series: [
      { name: t('cumulativePlan'), type: 'line', smooth: true, data: state.curve.map((p) => Number(p.cumulativePlan)),
        lineStyle: { type: 'dashed', width: 3 }, color: '#8fa6cc' },
      { name: t('cumulativeActual'), type: 'line', smooth: true, areaStyle: { opacity: 0.15 }, color: '#3fd0ff',
        lineStyle: { width: 4 }, data: state.curve.map((p, i) => (i <= lastActual ? Number(p.cumulativeActual) : null)) },
    ],
  }, true);
}

function renderAreas() {
  const keys = Object.keys(AREAS).filter((key) => state.totals[`area/${key}`]);
  const selected = state.filter && state.filter.dimension === 'area' ? state.filter.key : null;
  charts.areas.setOption({
    tooltip: { trigger: 'axis' },
    legend: { data: [t('plan'), t('actual')], textStyle: { color: '#e6eefc', fontSize: 16 } },
    grid: { left: 120, right: 30, top: 40, bottom: 30 },
    yAxis: { type: 'category', data: keys.map((key) => named(AREAS, key)), inverse: true,
      axisLabel: { color: '#e6eefc', fontSize: 16 } },
    xAxis: { type: 'value', axisLabel: { color: '#8fa6cc', fontSize: 13 }, splitLine: { lineStyle: { color: '#1f3d73' } } },
    series: [
      { name: t('plan'), type: 'bar', color: '#4a6fa5',
        data: keys.map((key) => ({ value: Number(state.totals[`area/${key}`].annualPlan), area: key,
          itemStyle: { opacity: !selected || selected === key ? 1 : 0.3 } })) },
      { name: t('actual'), type: 'bar', color: '#3fd0ff',
        data: keys.map((key) => ({ value: Number(state.totals[`area/${key}`].completedThisYear), area: key,
          itemStyle: { opacity: !selected || selected === key ? 1 : 0.3 } })) },
    ],
  }, true);
}

/** The plan year shown: the live one, a past year, or a closed period's. */
function shownYear() {
  if (state.view.mode === 'year') return state.view.year;
  if (state.view.mode === 'period') return Number(state.view.period.slice(0, 4));
  return state.liveYear;
}
const yearParam = (sep) => (state.view.mode === 'live' ? '' : `${sep}year=${shownYear()}`);

function renderRanking() {
  const body = document.querySelector('#ranking tbody');
  body.innerHTML = state.ranking.map((rank) => {
    const [cls, en] = GRADES[rank.grade] || ['', rank.grade];
    const selected = state.filter && state.filter.dimension === 'unit' && state.filter.key === rank.unitId;
    return `<tr class="unit${selected ? ' selected' : ''}" data-unit="${escapeHtml(rank.unitId)}"><td>${rank.rank}</td>`
      + `<td>${escapeHtml(rank.unitId)}</td><td class="amount">${money(rank.completedThisYear)}</td>`
      + `<td>${rank.achievement == null ? '–' : percent(rank.achievement)}</td>`
      + `<td><span class="grade ${cls}">${lang === 'zh' ? escapeHtml(rank.grade) : en}</span></td></tr>`;
  }).join('');
}

function renderWarnings() {
  const shown = (state.filter ? state.filteredWarnings : state.warnings).slice(0, 8);
  document.getElementById('warnings').innerHTML = shown.map((w) => `<li class="${w.light}" data-project="${escapeHtml(w.projectId)}">`
    + `<span class="name">${escapeHtml(w.name)}</span> · ${escapeHtml(w.unitId)}`
    + `<div class="reasons">${reasonsOf(w).map(escapeHtml).join(lang === 'zh' ? '；' : '; ')}</div></li>`).join('');
}

function renderTicker() {
  document.getElementById('ticker').innerHTML = state.reports.slice(0, 12).map((r) => `<li class="${r.fresh ? 'fresh' : ''}" data-project="${escapeHtml(r.projectId)}">`
    + `<span class="time">${new Date(r.reportedAt).toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' })}</span>`
    + `${escapeHtml(r.unitId)} ${t('reports')} ${escapeHtml(r.name)} ${escapeHtml(r.period)} ${t('investment')} `
    + `<span class="amount">${money(r.amount)}</span> ${t('wan')}</li>`).join('');
  state.reports.forEach((r) => { r.fresh = false; });
}

function renderFilter() {
  const el = document.getElementById('filter');
  el.hidden = !state.filter;
  if (state.filter) {
    const label = state.filter.dimension === 'area' ? named(AREAS, state.filter.key) : state.filter.key;
    el.textContent = `${t('filter')}: ${label}${t('clear')}`;
  }
}

function renderBlockers() {
  document.getElementById('blocker-count').textContent = state.blockers.length;
  document.getElementById('blockers').innerHTML = state.blockers.map((b) => `<li class="${b.overdueDays > 0 ? 'overdue' : ''}"`
    + ` data-project="${escapeHtml(b.projectId)}"><span class="name">${escapeHtml(b.text)}</span> · ${escapeHtml(b.projectName)}`
    + `<div class="meta">${t('owner')} ${escapeHtml(b.ownerUnit)} · ${t('age', b.ageDays)}${b.dueDate ? ` · ${t('due')} ${b.dueDate}` : ''}`
    + `${b.overdueDays > 0 ? ` · <span class="late">${t('overdue', b.overdueDays)}</span>` : ''}</div></li>`).join('')
    || `<li>${t('none')}</li>`;
}

/**
 * Runs {@code task} once within {@code ms} of the first call, however many calls come meanwhile:
 * under a steady stream of updates a debounce that restarts its wait at every call never runs.
 */
function throttled(task, ms) {
  let timer = null;
  return () => {
    if (timer === null) timer = setTimeout(() => { timer = null; task(); }, ms);
  };
}

/** Open blockers are read, not pushed: on connecting, when the shown list moves, and once a minute. */
const refreshBlockersSoon = throttled(async () => {
  const response = await Session.authFetch(`/api/issues?open=true${yearParam('&')}`);
  if (response.ok) { state.blockers = await response.json(); renderBlockers(); }
}, 400);
setInterval(() => { if (state.view.mode !== 'period') refreshBlockersSoon(); }, 60_000);

function renderAll() {
  applyI18n();
  renderKpis();
  renderCurve();
  renderAreas();
  renderRanking();
  renderWarnings();
  renderTicker();
  renderFilter();
  renderBlockers();
}

const refreshCurve = throttled(async () => {
  const query = state.filter ? `?${state.filter.dimension}=${encodeURIComponent(state.filter.key)}` : '';
  const response = await Session.authFetch(`/api/curve${query}${yearParam(query ? '&' : '?')}`);
  if (response.ok) { state.curve = await response.json(); renderCurve(); }
}, 400);
function refreshCurveSoon() {
  if (state.view.mode !== 'period') refreshCurve(); // a closed period carries the county's curve only
}

/**
 * What the stream does not carry for a filter: a unit's whole totals (updates carry its ranking
 * row) and the unit's or area's warnings (updates carry the county's list).
 */
const refreshFilter = throttled(async () => {
  const filter = state.filter;
  if (!filter) return;
  if (state.view.mode === 'period') {   // a closed period's list is whole: filter it here
    state.filteredWarnings = state.warnings.filter((w) => (filter.dimension === 'area' ? w.area : w.unitId) === filter.key);
    renderWarnings();
    return;
  }
  const key = encodeURIComponent(filter.key);
  const [totals, warnings] = await Promise.all([
    filter.dimension === 'unit' ? Session.authFetch(`/api/totals/unit/${key}${yearParam('?')}`) : null,
    Session.authFetch(`/api/warnings?${filter.dimension}=${key}&limit=8${yearParam('&')}`)]);
  if (filter !== state.filter) return;   // the filter changed meanwhile
  if (totals && totals.ok) { state.totals[`unit/${filter.key}`] = await totals.json(); renderKpis(); }
  if (warnings.ok) { state.filteredWarnings = await warnings.json(); renderWarnings(); }
}, 400);

/** A ranking row: what the table shows and what orders it (as the server ranks). */
function rankingRow(unitId, line) {
  const [completedThisYear, completionRate, achievement, grade] = line;
  return { unitId, completedThisYear, completionRate, achievement, grade };
}
function rowOf(rank) {
  return { unitId: rank.unitId, completedThisYear: rank.totals.completedThisYear,
    completionRate: rank.totals.completionRate, achievement: rank.achievement, grade: rank.grade, rank: rank.rank };
}
/** Best first: completed ÷ due (nothing due counts as ahead), then the completion rate, then the name. */
function rerank(rows) {
  const due = (row) => (row.achievement == null ? Infinity : Number(row.achievement));
  rows.sort((a, b) => due(b) - due(a) || Number(b.completionRate) - Number(a.completionRate)
    || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
  rows.forEach((row, i) => { row.rank = i + 1; });
  return rows;
}
function applyRanking(lines) {
  const rows = new Map(state.ranking.map((row) => [row.unitId, row]));
  Object.entries(lines).forEach(([unitId, line]) => {
    if (line === null) rows.delete(unitId);
    else rows.set(unitId, rankingRow(unitId, line));
  });
  state.ranking = rerank([...rows.values()]);
}

function onSnapshot(message) {
  if (state.view.mode === 'live' && message.year && state.liveYear !== message.year) {
    state.liveYear = message.year;
    loadViews();
  }
  state.totals = { [COUNTY]: message.county };
  message.areas.forEach((area) => { state.totals[`area/${area.key}`] = area; });
  if (message.units) {   // a closed period's standings, with each unit's totals
    message.units.forEach((rank) => { state.totals[`unit/${rank.unitId}`] = rank.totals; });
    state.ranking = message.units.map(rowOf);
  } else {   // the live snapshot: ranking rows, as updates carry them
    state.ranking = [];
    applyRanking(message.ranking || {});
  }
  state.warnings = message.warnings;
  state.reports = message.reports;
  state.curve = message.curve;
  showDeadLetters(message.deadLetters);
  renderAll();
  refreshBlockersSoon();
  if (state.filter) { refreshCurveSoon(); refreshFilter(); }
}

function onUpdate(message) {
  const totals = message.totals || {};
  const ranking = message.ranking || {};
  Object.assign(state.totals, totals);
  const moved = [...Object.keys(totals), ...Object.keys(ranking).map((unitId) => `unit/${unitId}`)];
  message.reports.forEach((r) => { r.fresh = true; });
  state.reports = [...message.reports.reverse(), ...state.reports].slice(0, 30);
  if (message.deadLetters !== undefined) showDeadLetters(message.deadLetters);
  renderKpis();
  if (Object.keys(totals).some((k) => k.startsWith('area/'))) renderAreas();
  if (Object.keys(ranking).length) { applyRanking(ranking); renderRanking(); }
  if (moved.includes(selectedKey())) { refreshCurveSoon(); if (state.filter) refreshFilter(); }
  if (message.warnings) {
    state.warnings = message.warnings;
    if (!state.filter) renderWarnings();
    refreshBlockersSoon();
  }
  if (message.reports.length) renderTicker();
}

function setStatus(kind) {
  const el = document.getElementById('status');
  el.className = `status ${kind}`;
  el.dataset.i18n = kind;
  el.textContent = t(kind);
}

/** The operator's view: how many records of pulse.events were set aside, and the latest reasons. */
function showDeadLetters(count) {
  document.getElementById('dead-letters').textContent = count ?? 0;
  document.getElementById('operator-toggle').classList.toggle('alert', Number(count) > 0);
}
async function openOperatorView() {
  const response = await Session.authFetch('/api/operations');
  if (!response.ok) return;
  const operations = await response.json();
  showDeadLetters(operations.deadLetters);
  document.getElementById('operator-paused').hidden = !operations.processingPaused;
  document.getElementById('operator-letters').innerHTML = operations.recentDeadLetters.map((letter) =>
    `<li><b>${escapeHtml(letter.key ?? '–')}</b> ${escapeHtml(letter.source)} · ${escapeHtml(letter.reason)}</li>`).join('')
    || `<li>${t('none')}</li>`;
  document.getElementById('operator-reminders').innerHTML = operations.failingReminders.map((r) =>
    `<li><b>${escapeHtml(r.unitId)}</b> ${escapeHtml(r.period)} ${escapeHtml(r.kind)} · ×${r.attempts} · ${escapeHtml(r.lastError)}</li>`)
    .join('') || `<li>${t('none')}</li>`;
  document.getElementById('operator').showModal();
}

/**
 * The stream carries the login in the page's cookie (EventSource sends no header). Before it
 * opens, and whenever it drops, one read tells whether a login is needed (401) or the server is away.
 */
let source = null;
async function connect() {
  const probe = await Session.authFetch('/api/totals').catch(() => null);
  if (probe && !probe.ok && probe.status !== 503) return setTimeout(connect, 2000);
  source = new EventSource(`/api/stream${yearParam('?')}`);
  source.addEventListener('snapshot', (e) => { onSnapshot(JSON.parse(e.data)); setStatus('live'); });
  source.addEventListener('update', (e) => onUpdate(JSON.parse(e.data)));
  source.addEventListener('unavailable', () => setStatus('unavailable'));
  source.onopen = () => setStatus('live');
  source.onerror = async () => {
    setStatus('down'); // EventSource reconnects by itself, sending Last-Event-ID
    const check = await fetch('/api/totals', { headers: Session.token() ? { Authorization: `Bearer ${Session.token()}` } : {} })
      .catch(() => null);
    if (check && check.status === 401) { source.close(); connect(); }
  };
}

function setFilter(dimension, key) {
  const same = state.filter && state.filter.dimension === dimension && state.filter.key === key;
  state.filter = same ? null : { dimension, key };
  state.filteredWarnings = [];
  if (state.filter) refreshFilter();
  renderKpis();
  renderAreas();
  renderRanking();
  renderWarnings();
  renderFilter();
  refreshCurveSoon();
}

/** The choices of what the screen shows: live, last year as a whole, or a closed period (frozen). */
async function loadViews() {
  const select = document.getElementById('view');
  const options = [`<option value="live">${t('liveView')} · ${state.liveYear}</option>`,
    `<option value="year:${state.liveYear - 1}">${state.liveYear - 1}${t('yearView')}</option>`];
  const response = await Session.authFetch('/api/periods').catch(() => null);
  if (response && response.ok) {
    const latest = new Map();
    (await response.json()).forEach((closed) => latest.set(closed.period, closed.revision));
    [...latest.entries()].sort((a, b) => b[0].localeCompare(a[0])).forEach(([period, revision]) => options.push(
      `<option value="period:${period}">${period} ${t('closedView')}${revision > 1 ? ` · ${t('revision', revision)}` : ''}</option>`));
  }
  const current = select.value;
  if (select.innerHTML === options.join('')) return; // unchanged: leave an open list alone
  select.innerHTML = options.join('');
  select.value = [...select.options].some((o) => o.value === current) ? current : 'live';
}

async function showPeriod(period) {
  const response = await Session.authFetch(`/api/periods/${encodeURIComponent(period)}`);
  if (!response.ok) { setStatus('unavailable'); return; }
  const closed = await response.json();
  onSnapshot({ county: closed.county, areas: closed.groups.area, units: closed.ranking, warnings: closed.warnings,
    reports: [], curve: closed.curve, deadLetters: document.getElementById('dead-letters').textContent });
  const frozen = document.getElementById('frozen');
  frozen.innerHTML = `${escapeHtml(closed.period)} · ${t('revision', closed.revision)} · ${t('asOf')} ${closed.asOf}`
    + ` <a href="/bulletin/${encodeURIComponent(closed.period)}?revision=${closed.revision}" target="_blank">${t('bulletin')}</a>`;
  frozen.hidden = false;
  setStatus('frozen');
}

function switchView(value) {
  if (source) { source.close(); source = null; }
  const [mode, arg] = value.split(':');
  state.view = mode === 'year' ? { mode, year: Number(arg) } : mode === 'period' ? { mode, period: arg } : { mode: 'live' };
  state.filter = null;
  document.getElementById('frozen').hidden = true;
  if (mode === 'period') showPeriod(arg);
  else connect();
}

/**
 * A wall screen shows every unit: the list scrolls by itself when it is longer than the panel, once
 * nobody has touched the page for a while, so it never moves under a hand about to click a row.
 */
let lastTouched = Date.now();
['pointermove', 'pointerdown', 'keydown', 'wheel'].forEach((kind) =>
  document.addEventListener(kind, () => { lastTouched = Date.now(); }, { passive: true }));
function autoScroll(el) {
  let restUntil = 0;
  setInterval(() => {
    const untouched = Date.now() - lastTouched > 20_000;
    if (!untouched || el.matches(':hover') || Date.now() < restUntil || el.scrollHeight <= el.clientHeight) return;
    if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) {
      restUntil = Date.now() + 4000;
      setTimeout(() => { el.scrollTop = 0; }, 3000);
    } else {
      el.scrollTop += 1;
    }
  }, 60);
}

async function openCard(projectId) {
  const response = await Session.authFetch(`/api/projects/${encodeURIComponent(projectId)}${yearParam('?')}`);
  if (!response.ok) return;
  const p = await response.json();
  // A figure its unit confirmed although far above the plan is marked, with the reason it gave.
  const confirmed = p.confirmedMonths || {};
  const months = Object.entries(p.months).map(([period, amount]) => `<tr><td>${period}</td><td>${money(amount)}`
    + `${confirmed[period] !== undefined ? ` <span class="confirmed" title="${escapeHtml(confirmed[period])}">${t('confirmedFigure')}：${escapeHtml(confirmed[period])}</span>` : ''}</td></tr>`).join('');
  const milestones = Object.entries(p.milestones).map(([m, v]) => `<tr><td>${named(MILESTONES, m)}</td>`
    + `<td>${v.planned || '–'}</td><td>${v.reached || '–'}</td></tr>`).join('');
  const issues = [...p.openIssues.map((i) => `<li>${escapeHtml(i.text)}（${escapeHtml(i.kind)}）· ${t('owner')} `
      + `${escapeHtml(i.ownerUnit)} · ${i.raisedOn}${i.dueDate ? ` · ${t('due')} ${i.dueDate}` : ''}</li>`),
    ...p.resolvedIssues.map((i) => `<li class="resolved">${t('resolved')}：${escapeHtml(i.text)} → ${escapeHtml(i.resolution ?? '')}`
      + `（${i.resolvedOn}）</li>`)].join('') || `<li>${t('none')}</li>`;
  document.getElementById('card-body').innerHTML = `<h2>${escapeHtml(p.name)} <small>${escapeHtml(p.projectId)}</small></h2>`
    + `<p>${escapeHtml(p.unitId)} · ${escapeHtml(p.township)} · ${named(AREAS, p.area)} · ${named(STATUSES, p.status)}</p>`
    + `<p>${t('annualPlan')} ${money(p.annualPlan)} ${t('wan')} · ${t('completedThisYear')} ${money(p.completedThisYear)} ${t('wan')}`
    + ` · ${t('completionRate')} ${percent(p.completionRate)} · ${t('targetRate')} ${percent(p.targetRate)}</p>`
    + `<p class="light-${p.light}">${t('light')}: ${p.light} ${reasonsOf(p).map(escapeHtml).join(lang === 'zh' ? '；' : '; ')}</p>`
    + `<table><tr><th>${t('months')}</th><th></th></tr>${months}</table>`
    + `<table><tr><th>${t('milestones')}</th><th>${t('planned')}</th><th>${t('reached')}</th></tr>${milestones}</table>`
    + `<h3>${t('issues')}</h3><ul>${issues}</ul>`;
  document.getElementById('card').showModal();
}

document.getElementById('lang').addEventListener('click', () => { switchLanguage(); renderAll(); if (state.liveYear) loadViews(); });
document.getElementById('view').addEventListener('change', (e) => switchView(e.target.value));
// A month closed while the screen is open joins the list within a minute.
setInterval(() => { if (state.liveYear) loadViews(); }, 60_000);
document.querySelectorAll('h2.tabs .tab').forEach((tab) => tab.addEventListener('click', () => {
  document.querySelectorAll('h2.tabs .tab').forEach((other) => other.classList.toggle('active', other === tab));
  document.getElementById('warnings').hidden = tab.dataset.tab !== 'warnings';
  document.getElementById('blockers').hidden = tab.dataset.tab !== 'blockers';
}));
autoScroll(document.getElementById('ranking-scroll'));
document.getElementById('operator-toggle').addEventListener('click', openOperatorView);
document.getElementById('filter').addEventListener('click', () => setFilter(state.filter.dimension, state.filter.key));
document.getElementById('ranking').addEventListener('click', (e) => {
  const row = e.target.closest('tr.unit');
  if (row) setFilter('unit', row.dataset.unit);
});
charts.areas.on('click', (params) => setFilter('area', params.data.area));
['warnings', 'ticker', 'blockers'].forEach((id) => document.getElementById(id).addEventListener('click', (e) => {
  const item = e.target.closest('li[data-project]');
  if (item) openCard(item.dataset.project);
}));
applyI18n();
connect();
