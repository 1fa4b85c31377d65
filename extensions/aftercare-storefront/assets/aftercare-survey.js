// The logged-in shopper's survey through the app proxy; all text comes from Liquid.
if (!customElements.get('aftercare-survey')) {
  customElements.define(
    'aftercare-survey',
    class extends HTMLElement {
      async connectedCallback() {
        this.form = this.querySelector('form');
        this.form.addEventListener('submit', (event) => {
          event.preventDefault();
          this.send();
        });
        let survey;
        try {
          ({ survey } = await (await this.ask()).json());
        } catch (error) {
          console.error(error);
        }
        if (!survey) {
          this.hidden = true;
          return;
        }
        const view = this.querySelector(`template[data-kind=${survey.kind}]`).content.cloneNode(true);
        const order = view.querySelector('[data-slot=order]');
        order.textContent = order.textContent.replace('[name]', survey.orderName);
        this.form.replaceChildren(view);
        this.dataset.ready = '';
      }

      ask(body) {
        return fetch(this.form.action, { method: body ? 'POST' : 'GET', headers: { Accept: 'application/json' }, body });
      }

      async send() {
        const data = this.dataset;
        let result = data.failed;
        this.show(data.sending);
        try {
          const response = await this.ask(new URLSearchParams(new FormData(this.form)));
          const { recorded, followUp, errors } = await response.json();
          if (recorded) {
            this.form.hidden = true;
            result = followUp ? data.thanks + ' ' + data.sorry : data.thanks;
          } else result = data['error_' + Object.keys(errors)[0]] || data['status_' + response.status] || result;
        } catch (error) {
          console.error(error);
        }
        this.show(result);
      }

      show(text) {
        this.querySelector('[role=status]').textContent = text;
      }
    }
  );
}
