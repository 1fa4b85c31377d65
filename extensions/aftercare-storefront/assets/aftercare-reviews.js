// Reviews via the app proxy after first paint; shoppers' words as text only.
customElements.get('aftercare-reviews') ||
  customElements.define(
    'aftercare-reviews',
    class extends HTMLElement {
      connectedCallback() {
        [this.list, this.more, this.status] = ['ol', 'button', '[role=status]'].map((s) => this.querySelector(s));
        this.page = this.shown = 0;
        this.more.onclick = () => this.load(1);
        (window.requestIdleCallback || setTimeout)(() => this.load(), { timeout: 2e3 });
      }

      async load(focus) {
        const d = this.dataset;
        this.more.hidden = true;
        this.status.textContent = d.loading;
        try {
          const response = await fetch(`${d.url}?product_id=${d.productId}&page=${this.page + 1}`);
          const { reviews, page, total, hasMore } = await response.json();
          const items = reviews.map((review) => this.item(review));
          this.list.append(...items);
          this.page = page;
          this.shown += items.length;
          this.status.textContent = d.shown.replace('[shown]', this.shown).replace('[total]', total);
          this.more.hidden = !hasMore;
          if (focus) items[0]?.focus();
        } catch (error) {
          console.error(error);
          this.status.textContent = d.failed;
          this.more.hidden = false;
        }
      }

      item(r) {
        const d = this.dataset;
        const item = this.querySelector('template').content.firstElementChild.cloneNode(true);
        const slot = (name, text) => {
          const el = item.querySelector(`[data-slot=${name}]`);
          if (text) el.textContent = text;
          return el;
        };
        const scale = d.scale || 5;
        slot('stars').style.setProperty('--aftercare-stars-fill', (r.rating / scale) * 100 + '%');
        slot('rating', d.ratingLabel.replace('[rating]', r.rating).replace('[scale]', scale));
        slot('title', r.title);
        slot('author', r.author || d.anonymous);
        slot('date', new Date(r.createdAt).toLocaleDateString(d.locale, { dateStyle: 'medium' })).dateTime = r.createdAt;
        slot('body', r.body);
        if (!r.verified) slot('verified').remove();
        if (r.reply) slot('reply-body', r.reply.body);
        else slot('reply').remove();
        for (const { url } of r.photos) slot('photos').append(Object.assign(new Image(), { src: url, alt: d.photoAlt, loading: 'lazy' }));
        return item;
      }
    }
  );
