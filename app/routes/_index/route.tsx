import type { LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { login } from "../../shopify.server";
import styles from "./styles.module.css";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  if (url.searchParams.get("shop")) {
    throw redirect(`/app?${url.searchParams.toString()}`);
  }
  return json({ showForm: Boolean(login) });
};

export default function Landing() {
  const { showForm } = useLoaderData<typeof loader>();
  return (
    <main className={styles.page}>
      <h1 className={styles.heading}>Aftercare keeps customers after the sale</h1>
      <p className={styles.text}>
        Honest delivery dates before checkout, clear return rules, a word before a parcel runs late, and review requests
        sent once the goods have arrived.
      </p>
      {showForm && (
        <Form className={styles.form} method="post" action="/auth/login">
          <label className={styles.label}>
            <span>Shop domain</span>
            <input className={styles.input} type="text" name="shop" placeholder="your-store.myshopify.com" />
          </label>
          <button className={styles.button} type="submit">
            Log in
          </button>
        </Form>
      )}
    </main>
  );
}
