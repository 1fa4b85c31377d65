// Order look-up through the app proxy; all text comes from Liquid.
if (!customElements.get('aftercare-order-status')) {
  customElements.define(
    'aftercare-order-status',
    class extends HTMLElement {
      connectedCallback() {
        this.addEventListener('submit', (event) => {
          event.preventDefault();
          this.look(event.target);
        });
      }

      async look(form) {
        const data = this.dataset;
        let result = data.failed;
        this.show(data.checking);
        try {
          const response = await fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)) });
          const { order, errors } = await response.json();
          result = order ? this.timeline(order) : response.ok ? data.not_found : data['error_' + Object.keys(errors)[0]] || data['status_' + response.status] || result;
        } catch {}
        this.show(result);
      }

      date(iso) {
        const [, month, day] = iso.split('-');
        return this.dataset.date.replace('[day]', +day).replace('[month]', this.dataset.months.split('|')[month - 1]);
      }

      timeline(order) {
        const view = this.querySelector('template').content.cloneNode(true);
        const { earliest, latest } = order.estimate || {};
        const dates =
          earliest && !order.deliveredOn && (earliest == latest ? this.date(latest) : this.dataset.range.replace('[from]', this.date(earliest)).replace('[to]', this.date(latest)));
        const values = { ...order, estimate: 0, [order.alert ? 'expected' : 'estimate']: dates, [order.alert]: 1, help: !!order.alert };
        for (const node of view.querySelectorAll('[data-slot]')) {
          const value = values[node.dataset.slot];
          node.hidden = !value;
          if (value?.trim) node.textContent = node.textContent.replace(/\[\w+\]/, () => value);
        }
        view.querySelector('a').href = order.trackingUrl || '';
        for (const entry of order.timeline) {
          const item = view.querySelector(`[data-step=${entry.step}]`);
          item.dataset.done = entry.done;
          if (entry.step == order.current) item.setAttribute('aria-current', 'step');
          if (entry.on) item.querySelector('[data-date]').textContent = this.date(entry.on);
        }
        return view;
      }

      show(content) {
        this.querySelector('[role=status]').replaceChildren(content);
      }
    }
  );
}
