// The logged-in shopper's review prompt: hides reviewed items, opens help on "No", posts reviews.
customElements.get('aftercare-review-prompt') ||
  customElements.define(
    'aftercare-review-prompt',
    class extends HTMLElement {
      async connectedCallback() {
        for (const form of this.querySelectorAll('form')) {
          form.onsubmit = (event) => {
            event.preventDefault();
            this.review(form);
          };
          form.arrived[1].onchange = () => this.help(form);
        }
        try {
          const { lines } = await (await fetch(this.dataset.url)).json();
          const open = lines.filter((line) => !line.reviewed).map((line) => line.lineItemId);
          const items = [...this.querySelectorAll('li')];
          for (const item of items) item.hidden = !open.includes(item.dataset.lineItemId);
          this.querySelector('[data-slot=empty]').hidden = items.some((item) => !item.hidden);
        } catch (error) {
          console.error(error);
        }
      }

      async send(form, intent) {
        const d = this.dataset;
        const body = new URLSearchParams(new FormData(form));
        body.set('intent', intent);
        try {
          const response = await fetch(form.action, { method: 'POST', body });
          const field = Object.keys((await response.json()).errors || {})[0];
          if (!field) return true;
          const input = form.querySelector(`[name=${field}]`);
          if (input) {
            (input.type == 'radio' ? input.closest('fieldset') : input).ariaInvalid = true;
            input.focus();
          }
          this.show(form, d['error_' + field] || d['status_' + response.status] || d.failed);
        } catch (error) {
          console.error(error);
          this.show(form, d.failed);
        }
      }

      async help(form) {
        const box = form.querySelector('[data-slot=help]');
        if (box.hidden && (await this.send(form, 'help'))) {
          box.append(this.querySelector('template').content.cloneNode(true));
          box.hidden = false;
          box.focus();
        }
      }

      async review(form) {
        for (const field of form.querySelectorAll('[aria-invalid]')) field.ariaInvalid = null;
        this.show(form, this.dataset.sending);
        if (await this.send(form, 'review')) {
          for (const field of form.querySelectorAll('fieldset,p:not([role]),button')) field.hidden = true;
          this.show(form, this.dataset.thanks);
        }
      }

      show(form, text) {
        form.querySelector('[role=status]').textContent = text;
      }
    }
  );
