/** A small parcel drawing for empty states, inline so the admin needs no image host. */
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="226" height="226" viewBox="0 0 226 226">
<circle cx="113" cy="113" r="100" fill="#f1f1f1"/>
<path d="M58 88l55-26 55 26v62l-55 26-55-26z" fill="#e3d2b8" stroke="#8a6d46" stroke-width="4" stroke-linejoin="round"/>
<path d="M58 88l55 26 55-26M113 114v62" fill="none" stroke="#8a6d46" stroke-width="4" stroke-linejoin="round"/>
<path d="M85 75l55 26v18" fill="none" stroke="#8a6d46" stroke-width="4" stroke-linecap="round"/>
<circle cx="160" cy="150" r="24" fill="#29845a"/>
<path d="M149 150l8 8 15-16" fill="none" stroke="#fff" stroke-width="5" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

export const PARCEL_ILLUSTRATION = `data:image/svg+xml,${encodeURIComponent(svg)}`;
