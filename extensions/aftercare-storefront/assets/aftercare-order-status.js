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
          const { order, errors, returns } = await response.json();
          result = order ? this.timeline(order, returns || []) : response.ok ? data.not_found : data['error_' + Object.keys(errors)[0]] || data['status_' + response.status] || result;
        } catch (error) {
          console.error(error);
        }
        this.show(result);
      }

      date(iso) {
        const [, month, day] = iso.split('-');
        return this.dataset.date.replace('[day]', +day).replace('[month]', this.dataset.months.split('|')[month - 1]);
      }

      // Each return of the order: its state, the label and tracking links, why it was declined.
      returns(list, returns) {
        const data = this.dataset;
        list.hidden = !returns.length;
        for (const entry of returns) {
          const item = list.appendChild(document.createElement('li'));
          const amount = entry.refund ? new Intl.NumberFormat(document.documentElement.lang || undefined, { style: 'currency', currency: entry.refund.currency }).format(entry.refund.amount) : '';
          const line = item.appendChild(document.createElement('p'));
          line.textContent = data['return_' + entry.state].replace('[name]', entry.name || '').replace('[date]', this.date(entry.requestedOn)).replace('[amount]', amount);
          if (entry.declineReason) item.appendChild(document.createElement('p')).textContent = data['decline_' + entry.declineReason.toLowerCase()];
          if (entry.declineNote) item.appendChild(document.createElement('p')).textContent = entry.declineNote;
          for (const [url, label] of [[entry.labelUrl, data.return_label], [entry.trackingUrl, data.return_tracking]]) {
            if (!url) continue;
            const link = item.appendChild(document.createElement('p')).appendChild(document.createElement('a'));
            Object.assign(link, { href: url, textContent: label, rel: 'noopener', target: '_blank' });
          }
        }
      }

      timeline(order, returns = []) {
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
        this.returns(view.querySelector('[data-returns]'), returns);
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
