/**
 * The Admin GraphQL documents the order sync sends, and the mapping from their result to
 * Aftercare's order records. Of the protected customer data, only what the storefront look-ups need is
 * read: the order's email (an order-status or return check must match it) with the customer's first name
 * and the order's language for messages; the customer is otherwise kept as an id, the address as country
 * and province codes. Without protected customer data access Shopify answers those fields with null and an
 * ACCESS_DENIED error: the sync carries on and stores no contact.
 */
import type { ContactDetails } from "../models/orders/contact-details.server";
import type { FulfillmentRecord, LineItemRecord, OrderSnapshot } from "../models/orders/record";

/** A page of orders. A paged sync reads up to 5 parcels and 10 line items per order; a bulk export reads all. */
export const ORDER_SYNC_PAGE_QUERY = `#graphql
  query OrderSyncPage($first: Int!, $after: String, $query: String) {
    orders(first: $first, after: $after, query: $query) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        createdAt
        updatedAt
        cancelledAt
        displayFulfillmentStatus
        email
        customerLocale
        customer {
          id
          firstName
        }
        shippingAddress {
          countryCodeV2
          provinceCode
        }
        fulfillments(first: 5) {
          id
          status
          displayStatus
          createdAt
          updatedAt
          inTransitAt
          deliveredAt
          estimatedDeliveryAt
          trackingInfo(first: 1) {
            company
            number
            url
          }
        }
        lineItems(first: 10) {
          nodes {
            id
            title
            sku
            quantity
            product {
              id
            }
          }
        }
      }
    }
  }
`;

export const ORDER_COUNT_QUERY = `#graphql
  query OrderSyncCount($query: String) {
    ordersCount(query: $query, limit: null) {
      count
      precision
    }
  }
`;

/**
 * The bulk export's query (sent as a string to bulkOperationRunQuery, so it carries no page sizes):
 * every order with its parcels inline and its line items as child lines of the JSONL result.
 */
export function bulkOrdersQuery(search: string | null): string {
  const filter = search ? `(query: ${JSON.stringify(search)})` : "";
  return `
    {
      orders${filter} {
        edges {
          node {
            id
            name
            createdAt
            updatedAt
            cancelledAt
            displayFulfillmentStatus
            email
            customerLocale
            customer { id firstName }
            shippingAddress { countryCodeV2 provinceCode }
            fulfillments {
              id status displayStatus createdAt updatedAt inTransitAt deliveredAt estimatedDeliveryAt
              trackingInfo { company number url }
            }
            lineItems {
              edges {
                node { id title sku quantity product { id } }
              }
            }
          }
        }
      }
    }
  `;
}

/*
 * What the mappers below read from an order: a node of ORDER_SYNC_PAGE_QUERY (typed from the schema,
 * so a field the query stops selecting fails the typecheck where it is mapped), an order line of the
 * bulk export (the same fields, its line items on lines of their own), or a seeded order in tests.
 */

export interface FulfillmentNode {
  id: string;
  status: string;
  displayStatus: string | null;
  createdAt: string;
  updatedAt: string;
  inTransitAt: string | null;
  deliveredAt: string | null;
  estimatedDeliveryAt: string | null;
  trackingInfo: Array<{ company: string | null; number: string | null; url: string | null }>;
}

export interface LineItemNode {
  id: string;
  title: string;
  sku: string | null;
  quantity: number;
  product: { id: string } | null;
}

export interface OrderNode {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  displayFulfillmentStatus: string;
  /** Protected customer data (email): null when the app may not read it. */
  email?: string | null;
  customerLocale?: string | null;
  /** Null when the app has no access to customer data (protected customer data, level 1); firstName needs name access. */
  customer: { id: string; firstName?: string | null } | null;
  shippingAddress: { countryCodeV2: string | null; provinceCode: string | null } | null;
  fulfillments: FulfillmentNode[];
  lineItems?: { nodes: LineItemNode[] };
}

const date = (value: string | null | undefined): Date | null => (value ? new Date(value) : null);

export function fulfillmentFromNode(orderId: string, node: FulfillmentNode): FulfillmentRecord {
  const tracking = node.trackingInfo[0];
  return {
    id: node.id,
    orderId,
    status: node.status,
    displayStatus: node.displayStatus,
    createdAt: new Date(node.createdAt),
    shopifyUpdatedAt: new Date(node.updatedAt),
    inTransitAt: date(node.inTransitAt),
    deliveredAt: date(node.deliveredAt),
    estimatedDeliveryAt: date(node.estimatedDeliveryAt),
    trackingCompany: tracking?.company ?? null,
    trackingNumber: tracking?.number ?? null,
    trackingUrl: tracking?.url ?? null,
  };
}

export function lineItemFromNode(orderId: string, node: LineItemNode): LineItemRecord {
  return {
    id: node.id,
    orderId,
    productId: node.product?.id ?? null,
    title: node.title,
    sku: node.sku || null,
    quantity: node.quantity,
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Where to reach the order's shopper, when Shopify shared the order's email; null otherwise. */
export function contactFromNode(node: Pick<OrderNode, "id" | "email" | "customerLocale" | "customer">): ContactDetails | null {
  const email = node.email?.trim();
  if (!email || !EMAIL.test(email)) return null;
  return { orderId: node.id, email, firstName: node.customer?.firstName ?? null, locale: node.customerLocale ?? null };
}

/** An order as the sync read it. `lineItems` is null when the query did not select them inline. */
export function snapshotFromNode(node: OrderNode): OrderSnapshot {
  return {
    order: {
      id: node.id,
      name: node.name,
      customerId: node.customer?.id ?? null,
      countryCode: node.shippingAddress?.countryCodeV2 ?? null,
      provinceCode: node.shippingAddress?.provinceCode ?? null,
      fulfillmentStatus: node.displayFulfillmentStatus,
      createdAt: new Date(node.createdAt),
      cancelledAt: date(node.cancelledAt),
      shopifyUpdatedAt: new Date(node.updatedAt),
    },
    fulfillments: node.fulfillments.map((fulfillment) => fulfillmentFromNode(node.id, fulfillment)),
    lineItems: node.lineItems ? node.lineItems.nodes.map((item) => lineItemFromNode(node.id, item)) : null,
  };
}
