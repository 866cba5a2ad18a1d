// The form's spreadsheet upload: the file goes to POST /api/import first as a dry run, whose
// answer (every row and what it changes, every error with its row and column) is shown as a table;
// "import" sends the same file for real. XMLHttpRequest, not fetch, because only it reports upload progress.
(() => {
  const $ = (id) => document.getElementById(id);
  const form = $('upload');
  const result = form.querySelector('.result');
  const SHOWN_LINES = 500;

  /** Sends the chosen file; resolves with [status, answer]. The bar shows the upload, then the check. */
  function send(dryRun) {
    return new Promise((resolve, reject) => {
      const data = new FormData();
      data.append('file', $('file').files[0]);
      const request = new XMLHttpRequest();
      request.open('POST', `/api/import${dryRun ? '?dryRun=true' : ''}`);
      if (Session.token()) request.setRequestHeader('Authorization', `Bearer ${Session.token()}`);
      request.setRequestHeader('Accept-Language', Session.language());
      const bar = $('progress');
      bar.hidden = false;
      bar.value = 0;
      result.textContent = t('uploading');
      request.upload.onprogress = (e) => { if (e.lengthComputable) { bar.max = e.total; bar.value = e.loaded; } };
      request.upload.onload = () => { bar.removeAttribute('value'); result.textContent = t('checking'); };
      request.onload = () => {
        bar.hidden = true;
        try { resolve([request.status, JSON.parse(request.responseText)]); } catch (e) { reject(e); }
      };
      request.onerror = () => { bar.hidden = true; reject(new Error('network')); };
      request.send(data);
    });
  }

  function preview(answer) {
    const c = answer.counts || { added: 0, changed: 0, unchanged: 0, errors: 0 };
    const summary = `<p class="summary">${escapeHtml(t('previewSummary', null, { a: c.added, c: c.changed, u: c.unchanged, e: c.errors }))}</p>`;
    const errors = (answer.errors || []).length === 0 ? ''
      : `<ul class="errors">${answer.errors.map((e) => `<li>${escapeHtml(e.message)}</li>`).join('')}</ul>`;
    const lines = (answer.lines || []).slice(0, SHOWN_LINES).map((l) => `<tr class="${escapeHtml(l.change)}">
      <td>${escapeHtml(l.sheet)}</td><td>${l.row}</td><td>${escapeHtml(t(l.type))}</td><td>${escapeHtml(l.projectId)}</td>
      <td>${escapeHtml(l.item)}</td><td class="change">${escapeHtml(t(l.change))}</td></tr>`).join('');
    const more = (answer.lines || []).length > SHOWN_LINES ? `<p class="hint">… ${answer.lines.length - SHOWN_LINES}</p>` : '';
    const table = lines === '' ? '' : `<table><thead><tr><th>${t('sheet')}</th><th>${t('row')}</th><th>${t('type')}</th>
      <th>${t('chooseProject')}</th><th></th><th>${t('change')}</th></tr></thead><tbody>${lines}</tbody></table>${more}`;
    $('preview').innerHTML = summary + errors + table;
  }

  async function run(dryRun) {
    clearErrors(form);
    $('confirm').hidden = true;
    if (!$('file').files[0]) { form.querySelector('[data-error-for="file"]').textContent = t('chooseFile'); return; }
    if (!Session.token()) await Session.login();
    const [status, answer] = await send(dryRun).catch(() => [0, { message: t('down') }]);
    result.textContent = '';
    if (!answer.lines) { $('preview').innerHTML = ''; showErrors(form, answer); return; }
    preview(answer);
    const c = answer.counts;
    if (dryRun) {
      $('confirm').hidden = c.errors > 0 || c.added + c.changed === 0;
      result.textContent = c.errors > 0 ? t('fixErrors') : c.added + c.changed === 0 ? t('nothingToWrite') : '';
    } else if (status === 200) {
      result.textContent = answer.written ? t('imported', answer.eventsWritten) : t('nothingToWrite');
      result.classList.add('ok');
    } else {
      result.textContent = t('fixErrors');
    }
  }

  form.addEventListener('submit', (e) => { e.preventDefault(); run(true); });
  $('confirm').addEventListener('click', () => run(false));
  $('file').addEventListener('change', () => { $('confirm').hidden = true; $('preview').innerHTML = ''; clearErrors(form); });
  // Projects and plans are the office's to import: a unit is offered the reports template only.
  document.querySelector('.tab[data-tab=upload]').addEventListener('click', () => {
    const claims = Session.claims();
    form.querySelectorAll('[data-admin]').forEach((a) => { a.hidden = Boolean(claims && claims.unitId); });
  });
})();
