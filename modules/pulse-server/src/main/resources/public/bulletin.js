// The printable bulletin of a closed period: /bulletin/2022-06 (?revision=N). The text is made by the
// server from the frozen snapshot, the same as the Word document; this page only shows and prints it.
(async () => {
  const period = decodeURIComponent(location.pathname.split('/').pop());
  const query = location.search;
  const base = `/api/periods/${encodeURIComponent(period)}`;
  document.getElementById('docx').href = `${base}/bulletin.docx${query}`;
  document.getElementById('xlsx').href = `${base}/bulletin.xlsx${query}`;
  document.getElementById('print').addEventListener('click', () => window.print());
  const main = document.getElementById('bulletin');
  const response = await Session.authFetch(`${base}/bulletin.html${query}`);
  if (response.ok) {
    main.innerHTML = await response.text();
    document.title = main.querySelector('h1').textContent;
  } else {
    const body = await response.json().catch(() => ({ message: response.statusText }));
    main.innerHTML = '';
    const error = document.createElement('p');
    error.className = 'error';
    error.textContent = body.message;
    main.appendChild(error);
  }
})();
