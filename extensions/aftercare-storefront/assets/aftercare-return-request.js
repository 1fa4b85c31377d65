// The return request after an order check: Shopify's returnable items and reasons, then the choice.
if (!customElements.get('aftercare-return-request')) {
  customElements.define(
    'aftercare-return-request',
    class extends HTMLElement {
      offer(check) {
        const lookup = check.order?.lines.some((line) => line.eligible) && Object.fromEntries(new FormData(check.form));
        this.lookup = lookup;
        this.hidden = !lookup;
        const open = this.make('button', this.dataset.open, { type: 'button', className: 'button' });
        open.onclick = () => this.send({ intent: 'options' }, (body) => this.form(body));
        this.replaceChildren(...(lookup ? [open] : []));
      }

      form({ items, reasons }) {
        const data = this.dataset;
        const form = this.make('form', '', { noValidate: true }, [this.make('h3', data.heading)]);
        const rows = items.map((item, index) => {
          const row = form.appendChild(this.make('fieldset', '', {}, [this.make('legend', item.title)]));
          if (!item.maxQuantity) return row.append(this.make('p', item.refusal));
          const count = this.field(row, 'q' + index, data.quantity, item.title, 'select');
          for (let n = 0; n <= item.maxQuantity; n++) count.append(new Option(n, n));
          const reason = this.field(row, 'r' + index, data.reason, item.title, 'select');
          reason.append(new Option(data.choose, ''), ...reasons.map((option) => new Option(option.name, option.id)));
          return [item.lineItemId, count, reason];
        }).filter(Array.isArray);
        const note = this.field(form, 'n', data.note, '', 'textarea');
        note.maxLength = 300;
        const photo = Object.assign(this.field(form, 'p', data.photo, '', 'input'), { type: 'file', accept: 'image/jpeg,image/png,image/webp' });
        form.append(this.make('button', data.submit, { className: 'button' }));
        form.onsubmit = (event) => {
          event.preventDefault();
          const asked = rows.map(([lineItemId, count, reason]) => ({ lineItemId, quantity: +count.value, reasonDefinitionId: reason.value }));
          if (!asked.some((line) => line.quantity)) return this.status(data.nothing);
          this.send({ intent: 'request', items: asked, note: note.value }, (body) => this.replaceChildren(this.make('p', body.message)), photo.files[0]);
        };
        this.replaceChildren(form);
        form.querySelector('select')?.focus();
      }

      async send(fields, done, file) {
        let text = this.dataset.failed;
        let list = [];
        const json = JSON.stringify({ ...this.lookup, ...fields });
        const form = new FormData();
        form.append('json', json);
        if (file) form.append('photo', file);
        this.status(this.dataset.sending);
        try {
          const response = await fetch(this.dataset.url, file ? { method: 'POST', body: form } : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: json });
          const body = await response.json();
          if (response.ok && body.result != 'not_found' && body.result != 'unavailable') return done(body), this.status('');
          text = body.message || body.errors?.form || '';
          list = (body.problems || []).map((problem) => this.make('li', problem.message));
        } catch (error) {
          console.error(error);
        }
        // A refusal that only lists problems has no sentence above them: no empty line either.
        this.status(...[text, list.length && this.make('ul', '', {}, list)].filter(Boolean));
      }

      field(parent, id, label, title, tag) {
        id = this.id + id;
        const control = this.make(tag, '', { id });
        parent.append(this.make('label', label.replace('[title]', title), { htmlFor: id }), control);
        return control;
      }

      make(tag, text, properties, children = []) {
        const node = Object.assign(document.createElement(tag), properties);
        node.append(text || '', ...children);
        return node;
      }

      status(...content) {
        this.closest('aftercare-return-check').querySelector('[role=status]').replaceChildren(...content.map((part) => (part.nodeType ? part : this.make('p', part))));
      }
    }
  );
}
