// The unit's report form. It validates nothing itself: the API does, and its errors are shown
// next to the fields they name. It logs in first; a unit account sees only its own unit.
const $ = (id) => document.getElementById(id);
let project = null;

async function getJson(url) {
  const response = await Session.authFetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

async function loadUnits() {
  const own = Session.claims() && Session.claims().unitId;
  const units = own ? [own] : (await getJson('/api/totals/unit?limit=1000')).map((u) => u.key);
  $('unit').innerHTML = units.map((unit) => `<option>${escapeHtml(unit)}</option>`).join('');
  $('unit').disabled = Boolean(own);
  await loadProjects();
}

async function loadProjects() {
  const projects = await getJson(`/api/projects?unit=${encodeURIComponent($('unit').value)}&limit=1000`);
  $('project').innerHTML = projects.map((p) => `<option value="${escapeHtml(p.projectId)}">${escapeHtml(p.name)}（${escapeHtml(p.projectId)}）</option>`).join('');
  await loadProject();
}

async function loadProject() {
  project = $('project').value ? await getJson(`/api/projects/${encodeURIComponent($('project').value)}`) : null;
  showPrevious();
}

/** Says what was reported before for the chosen month: a second report is a correction. */
function showPrevious() {
  const el = $('previous');
  const before = project && $('period').value ? project.months[$('period').value] : undefined;
  el.classList.toggle('correction', before !== undefined);
  el.textContent = before === undefined ? t('notReported') : `${t('reportedBefore')} ${money(before)} ${t('wan')}。${t('correction')}`;
}

/** The chosen month's deadline, and whether the report is late (the office's bulletin will say so). */
async function showDeadline() {
  const el = $('deadline');
  if (!$('period').value) { el.textContent = ''; return; }
  const d = await getJson(`/api/periods/${encodeURIComponent($('period').value)}/deadline`).catch(() => null);
  if (!d) { el.textContent = ''; return; }
  const where = d.late ? t('late') : d.daysLeft === 0 ? t('dueToday') : t('dueIn', d.daysLeft);
  el.textContent = `${t('deadline')} ${d.deadline} · ${where}`;
  el.classList.toggle('late', d.late);
}

function clearErrors(form) {
  form.querySelectorAll('.error').forEach((el) => { el.textContent = ''; });
  form.querySelectorAll('.invalid').forEach((el) => el.classList.remove('invalid'));
  form.querySelector('.result').textContent = '';
  form.querySelector('.result').classList.remove('ok');
}

function showErrors(form, body) {
  (body.errors || []).forEach((error) => {
    const slot = form.querySelector(`[data-error-for="${error.field}"]`) || document.querySelector(`[data-error-for="${error.field}"]`)
      || form.querySelector('[data-error-for="body"]');
    slot.textContent = error.message;
    const input = form.querySelector(`[name="${error.field}"]`) || document.querySelector(`[name="${error.field}"]`);
    if (input) input.classList.add('invalid');
  });
  if (!body.errors || body.errors.length === 0) form.querySelector('[data-error-for="body"]').textContent = body.message;
  // A figure far above the plan: the unit may confirm it, with a reason.
  if ((body.errors || []).some((error) => error.field === 'confirm')) $('confirm-row').hidden = false;
}

/**
 * Reads the project again until {@code shows} holds for it (the report just accepted is processed
 * a moment after Kafka acknowledged it), for at most three seconds.
 */
async function reloadProjectUntil(shows) {
  for (let tries = 0; tries < 20; tries += 1) {
    await loadProject();
    if (!project || shows(project)) return;
    await new Promise((resolve) => { setTimeout(resolve, 150); });
  }
}

async function submit(form, url, body, shows) {
  clearErrors(form);
  const response = await Session.authFetch(url, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body });
  const answer = await response.json();
  if (response.ok) {
    const result = form.querySelector('.result');
    result.textContent = `${t('accepted')}（offset ${answer.offset}）`;
    result.classList.add('ok');
    await reloadProjectUntil(shows);
  } else {
    showErrors(form, answer);
  }
}

/** The amount goes to the API as the user typed it, so the API's own message names it. */
function amountJson(text) {
  const trimmed = text.trim();
  return /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(trimmed) ? trimmed : JSON.stringify(trimmed);
}

$('investment').addEventListener('submit', (e) => {
  e.preventDefault();
  const reason = $('reason').value.trim();
  const confirm = !$('confirm-row').hidden && $('confirm-figure').checked ? ',"confirm":true' : '';
  const body = `{"amount":${amountJson($('amount').value)}${reason ? `,"reason":${JSON.stringify(reason)}` : ''}${confirm}}`;
  const period = $('period').value;
  const amount = Number($('amount').value);
  submit(e.target, `/api/projects/${encodeURIComponent($('project').value)}/investments/${encodeURIComponent(period)}`, body,
    (p) => Number(p.months[period]) === amount);
});
$('milestone').addEventListener('submit', (e) => {
  e.preventDefault();
  const note = $('note').value.trim();
  const body = JSON.stringify(note ? { date: $('date').value, note } : { date: $('date').value });
  const type = $('milestone-type').value;
  const date = $('date').value;
  submit(e.target, `/api/projects/${encodeURIComponent($('project').value)}/milestones/${type}`, body,
    (p) => p.milestones[type] && p.milestones[type].reached === date);
});
document.querySelectorAll('.tab').forEach((tab) => tab.addEventListener('click', () => {
  document.querySelectorAll('.tab').forEach((other) => other.classList.toggle('active', other === tab));
  document.querySelectorAll('.pane').forEach((pane) => { pane.hidden = pane.id !== tab.dataset.tab; });
  // A spreadsheet names its own projects: the pickers are for one report at a time.
  document.querySelectorAll('.picker').forEach((row) => { row.hidden = tab.dataset.tab === 'upload'; });
}));
$('unit').addEventListener('change', loadProjects);
$('project').addEventListener('change', loadProject);
$('period').addEventListener('change', () => { showPrevious(); showDeadline(); resetConfirm(); });
$('amount').addEventListener('input', resetConfirm);

/** A new figure or month is checked afresh: the confirmation was for the one refused. */
function resetConfirm() {
  $('confirm-row').hidden = true;
  $('confirm-figure').checked = false;
}
$('lang').addEventListener('click', () => { switchLanguage(); renderMilestones(); showPrevious(); });

function renderMilestones() {
  $('milestone-type').innerHTML = Object.keys(MILESTONES).map((m) => `<option value="${m}">${named(MILESTONES, m)}</option>`).join('');
}

applyI18n();
renderMilestones();
(Session.token() ? Promise.resolve() : Session.login()).then(loadUnits);
