// The screen is laid out for 1920×1080. On any display at least 900 px wide it is scaled as a whole
// to fit (a 1366×768 office PC, a 3840×2160 wall: text and SVG charts stay sharp), centred, nothing
// cut; below that (a phone) screen.css lays it out as one column and nothing is scaled.
(() => {
  const WIDTH = 1920;
  const HEIGHT = 1080;
  const narrow = window.matchMedia('(max-width: 899px)');

  function fit() {
    const body = document.body;
    if (narrow.matches) {
      body.style.transform = '';
      body.dataset.scale = '1';
    } else {
      const scale = Math.min(window.innerWidth / WIDTH, window.innerHeight / HEIGHT);
      const left = Math.max(0, (window.innerWidth - WIDTH * scale) / 2);
      const top = Math.max(0, (window.innerHeight - HEIGHT * scale) / 2);
      body.style.transform = `translate(${left}px, ${top}px) scale(${scale})`;
      body.dataset.scale = String(scale);
    }
    window.dispatchEvent(new Event('pulse:fit'));
  }

  window.addEventListener('resize', fit);
  narrow.addEventListener('change', fit);
  if (document.body) fit(); else document.addEventListener('DOMContentLoaded', fit);
})();
