// <aftercare-countdown data-cutoff="1736143200" data-format-hours="[h] h [m] min"
//   data-format-minutes="[m] min [s] s">3 h 12 min</aftercare-countdown>
// Liquid renders the text; this only keeps it current. At the cutoff it switches the
// closest [data-state] element to "after", whose text Liquid has rendered too.
if (!customElements.get('aftercare-countdown')) {
  customElements.define(
    'aftercare-countdown',
    class extends HTMLElement {
      connectedCallback() {
        this.cutoff = Number(this.dataset.cutoff) * 1000;
        this.tick();
        this.timer = setInterval(() => this.tick(), 1000);
      }

      disconnectedCallback() {
        clearInterval(this.timer);
      }

      tick() {
        const left = Math.floor((this.cutoff - Date.now()) / 1000);
        if (!(left > 0)) {
          clearInterval(this.timer);
          this.closest('[data-state]')?.setAttribute('data-state', 'after');
          return;
        }
        const hours = Math.floor(left / 3600);
        const text = (hours > 0 ? this.dataset.formatHours : this.dataset.formatMinutes)
          .replace('[h]', hours)
          .replace('[m]', Math.floor((left % 3600) / 60))
          .replace('[s]', left % 60);
        if (this.textContent !== text) this.textContent = text;
      }
    }
  );
}

// The shipping banner: once closed it stays hidden for the session (it ends the page: nothing moves).
// A message naming dates switches to the later ones at the cutoff, like the delivery line.
for (const banner of document.querySelectorAll('.aftercare-banner')) {
  const close = banner.querySelector('.aftercare-banner__close');
  try {
    if (sessionStorage.getItem('aftercare-banner') === 'closed') banner.hidden = true;
  } catch (error) {}
  if (close) close.hidden = false;
  close?.addEventListener('click', () => {
    banner.hidden = true;
    try {
      sessionStorage.setItem('aftercare-banner', 'closed');
    } catch (error) {}
  });
  for (const element of banner.querySelectorAll('[data-state="before"][data-cutoff]')) {
    setTimeout(() => element.setAttribute('data-state', 'after'), element.dataset.cutoff * 1000 - Date.now());
  }
}
