// Sends the order check to the app proxy; every text comes from Liquid (data-* attributes).
if (!customElements.get('aftercare-return-check')) {
  customElements.define(
    'aftercare-return-check',
    class extends HTMLElement {
      connectedCallback() {
        this.form = this.querySelector('form');
        this.form.addEventListener('submit', (event) => {
          event.preventDefault();
          this.check();
        });
      }

      async check() {
        const data = this.dataset;
        this.order = null;
        const button = this.form.querySelector('button');
        const list = document.createElement('ul');
        let errors = {};
        let text = data.failed;
        button.disabled = true;
        this.show(data.checking);
        try {
          const response = await fetch(this.form.action, {
            method: 'POST',
            headers: { Accept: 'application/json' },
            body: new URLSearchParams(new FormData(this.form)),
          });
          const body = await response.json();
          errors = body.errors || {};
          text = response.ok ? data[body.result] : { 422: '', 429: data.too_many }[response.status] ?? text;
          for (const line of body.order?.lines || []) {
            const [, month, day] = (line.lastDay || '').split('-');
            const date = data.date.replace('[day]', +day).replace('[month]', data.months.split('|')[month - 1]);
            const item = list.appendChild(document.createElement('li'));
            item.dataset.eligible = line.eligible;
            item.textContent = `${line.title} × ${line.quantity}: ${data[line.reason].replace('[date]', date)}`;
          }
          if (body.order) text = data.order.replace('[name]', body.order.name);
          this.order = body.order;
        } catch (error) {
          console.error(error);
        }
        this.show(text, list);
        this.querySelector('aftercare-return-request')?.offer(this);
        for (const slot of this.querySelectorAll('[data-error-for]')) {
          const name = slot.dataset.errorFor;
          slot.textContent = errors[name] ? data['error_' + name.toLowerCase()] : '';
          this.form.elements[name].toggleAttribute('aria-invalid', !!errors[name]);
        }
        this.form.querySelector('[aria-invalid]')?.focus();
        button.disabled = false;
      }

      show(text, list = '') {
        const message = document.createElement('p');
        message.textContent = text || '';
        this.querySelector('[role=status]').replaceChildren(message, list);
      }
    }
  );
}
