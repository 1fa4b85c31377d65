/* eslint-disable eslint-comments/disable-enable-pair */
/* eslint-disable eslint-comments/no-unlimited-disable */
/* eslint-disable */
import type * as AdminTypes from './admin.types.js';

export type AftercareShopNameQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type AftercareShopNameQuery = { shop: Pick<AdminTypes.Shop, 'name'> };

export type AftercareShopLocalesQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type AftercareShopLocalesQuery = { shopLocales: Array<Pick<AdminTypes.ShopLocale, 'locale' | 'primary'>> };

export type FlowTriggerReceiveMutationVariables = AdminTypes.Exact<{
  handle?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  payload?: AdminTypes.InputMaybe<AdminTypes.Scalars['JSON']['input']>;
}>;


export type FlowTriggerReceiveMutation = { flowTriggerReceive: AdminTypes.Maybe<{ userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type ActiveSubscriptionsQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type ActiveSubscriptionsQuery = { currentAppInstallation: { activeSubscriptions: Array<Pick<AdminTypes.AppSubscription, 'id' | 'name' | 'status' | 'test' | 'trialDays' | 'currentPeriodEnd'>> } };

export type ShopOverviewQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type ShopOverviewQuery = { shop: Pick<AdminTypes.Shop, 'name' | 'myshopifyDomain' | 'currencyCode' | 'ianaTimezone'> };

export type ShopEmailQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type ShopEmailQuery = { shop: Pick<AdminTypes.Shop, 'email'> };

export type AnniversaryDiscountCreateMutationVariables = AdminTypes.Exact<{
  basicCodeDiscount: AdminTypes.DiscountCodeBasicInput;
}>;


export type AnniversaryDiscountCreateMutation = { discountCodeBasicCreate: AdminTypes.Maybe<{ codeDiscountNode: AdminTypes.Maybe<Pick<AdminTypes.DiscountCodeNode, 'id'>>, userErrors: Array<Pick<AdminTypes.DiscountUserError, 'field' | 'code' | 'message'>> }> };

export type ShopReturnTimeZoneQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type ShopReturnTimeZoneQuery = { shop: Pick<AdminTypes.Shop, 'ianaTimezone'> };

export type ShopRefundPolicyQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type ShopRefundPolicyQuery = { shop: { shopPolicies: Array<Pick<AdminTypes.ShopPolicy, 'type' | 'title' | 'body' | 'url' | 'updatedAt'>> } };

export type FinalSaleProductsByTagQueryVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type FinalSaleProductsByTagQuery = { products: { pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'>, nodes: Array<Pick<AdminTypes.Product, 'id' | 'tags'>> } };

export type FinalSaleProductsInCollectionQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type FinalSaleProductsInCollectionQuery = { collection: AdminTypes.Maybe<{ products: { pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'>, nodes: Array<Pick<AdminTypes.Product, 'id'>> } }> };

export type ReturnReasonsQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type ReturnReasonsQuery = { returnReasonDefinitions: { nodes: Array<Pick<AdminTypes.ReturnReasonDefinition, 'id' | 'handle' | 'name' | 'deleted'>> } };

export type ReturnableFulfillmentsQueryVariables = AdminTypes.Exact<{
  orderId: AdminTypes.Scalars['ID']['input'];
}>;


export type ReturnableFulfillmentsQuery = { returnableFulfillments: { nodes: Array<(
      Pick<AdminTypes.ReturnableFulfillment, 'id'>
      & { fulfillment: Pick<AdminTypes.Fulfillment, 'id'>, returnableFulfillmentLineItems: { nodes: Array<(
          Pick<AdminTypes.ReturnableFulfillmentLineItem, 'quantity'>
          & { fulfillmentLineItem: (
            Pick<AdminTypes.FulfillmentLineItem, 'id'>
            & { lineItem: (
              Pick<AdminTypes.LineItem, 'id' | 'title'>
              & { product: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
            ) }
          ) }
        )> } }
    )> } };

export type OrderReturnsQueryVariables = AdminTypes.Exact<{
  orderId: AdminTypes.Scalars['ID']['input'];
}>;


export type OrderReturnsQuery = { order: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id' | 'returnStatus'>
    & { returns: { nodes: Array<(
        Pick<AdminTypes.Return, 'id' | 'name' | 'status' | 'totalQuantity' | 'createdAt' | 'closedAt'>
        & { decline: AdminTypes.Maybe<Pick<AdminTypes.ReturnDecline, 'reason' | 'note'>> }
      )> } }
  )> };

export type ReturnDetailQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type ReturnDetailQuery = { return: AdminTypes.Maybe<(
    Pick<AdminTypes.Return, 'id' | 'name' | 'status' | 'totalQuantity' | 'createdAt' | 'requestApprovedAt' | 'closedAt'>
    & { decline: AdminTypes.Maybe<Pick<AdminTypes.ReturnDecline, 'reason' | 'note'>>, order: Pick<AdminTypes.Order, 'id' | 'name'>, returnLineItems: { nodes: Array<(
        Pick<AdminTypes.ReturnLineItem, 'id' | 'quantity' | 'processedQuantity' | 'refundableQuantity' | 'customerNote'>
        & { fulfillmentLineItem: (
          Pick<AdminTypes.FulfillmentLineItem, 'id'>
          & { lineItem: Pick<AdminTypes.LineItem, 'id' | 'title'> }
        ), withCodeDiscountedTotalPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, returnReasonDefinition: AdminTypes.Maybe<Pick<AdminTypes.ReturnReasonDefinition, 'id' | 'handle' | 'name'>> }
      ) | (
        Pick<AdminTypes.UnverifiedReturnLineItem, 'id' | 'quantity' | 'processedQuantity' | 'refundableQuantity' | 'customerNote'>
        & { returnReasonDefinition: AdminTypes.Maybe<Pick<AdminTypes.ReturnReasonDefinition, 'id' | 'handle' | 'name'>> }
      )> }, exchangeLineItems: { nodes: Array<(
        Pick<AdminTypes.ExchangeLineItem, 'id' | 'variantId' | 'quantity' | 'processedQuantity' | 'processableQuantity'>
        & { lineItems: AdminTypes.Maybe<Array<(
          Pick<AdminTypes.LineItem, 'id' | 'title' | 'variantTitle' | 'sku'>
          & { discountedUnitPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
        )>> }
      )> }, reverseFulfillmentOrders: { nodes: Array<(
        Pick<AdminTypes.ReverseFulfillmentOrder, 'id' | 'status'>
        & { lineItems: { nodes: Array<(
            Pick<AdminTypes.ReverseFulfillmentOrderLineItem, 'id' | 'totalQuantity'>
            & { fulfillmentLineItem: AdminTypes.Maybe<Pick<AdminTypes.FulfillmentLineItem, 'id'>> }
          )> }, reverseDeliveries: { nodes: Array<(
            Pick<AdminTypes.ReverseDelivery, 'id'>
            & { deliverable: AdminTypes.Maybe<{ label: AdminTypes.Maybe<Pick<AdminTypes.ReverseDeliveryLabelV2, 'publicFileUrl'>>, tracking: AdminTypes.Maybe<Pick<AdminTypes.ReverseDeliveryTrackingV2, 'number' | 'url' | 'carrierName'>> }> }
          )> } }
      )> }, refunds: { nodes: Array<(
        Pick<AdminTypes.Refund, 'id' | 'createdAt'>
        & { totalRefundedSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
      )> } }
  )> };

export type ReturnOrderPaymentsQueryVariables = AdminTypes.Exact<{
  orderId: AdminTypes.Scalars['ID']['input'];
}>;


export type ReturnOrderPaymentsQuery = { order: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id'>
    & { transactions: Array<(
      Pick<AdminTypes.OrderTransaction, 'id' | 'kind' | 'status'>
      & { amountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
    )> }
  )> };

export type ReturnRequestMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.ReturnRequestInput;
}>;


export type ReturnRequestMutation = { returnRequest: AdminTypes.Maybe<{ return: AdminTypes.Maybe<Pick<AdminTypes.Return, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.ReturnUserError, 'field' | 'message' | 'code'>> }> };

export type ReturnApproveRequestMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.ReturnApproveRequestInput;
}>;


export type ReturnApproveRequestMutation = { returnApproveRequest: AdminTypes.Maybe<{ return: AdminTypes.Maybe<Pick<AdminTypes.Return, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.ReturnUserError, 'field' | 'message' | 'code'>> }> };

export type ReturnDeclineRequestMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.ReturnDeclineRequestInput;
}>;


export type ReturnDeclineRequestMutation = { returnDeclineRequest: AdminTypes.Maybe<{ return: AdminTypes.Maybe<Pick<AdminTypes.Return, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.ReturnUserError, 'field' | 'message' | 'code'>> }> };

export type ReturnLabelCreateMutationVariables = AdminTypes.Exact<{
  reverseFulfillmentOrderId: AdminTypes.Scalars['ID']['input'];
  reverseDeliveryLineItems: Array<AdminTypes.ReverseDeliveryLineItemInput> | AdminTypes.ReverseDeliveryLineItemInput;
  labelInput?: AdminTypes.InputMaybe<AdminTypes.ReverseDeliveryLabelInput>;
  trackingInput?: AdminTypes.InputMaybe<AdminTypes.ReverseDeliveryTrackingInput>;
  notifyCustomer?: AdminTypes.InputMaybe<AdminTypes.Scalars['Boolean']['input']>;
}>;


export type ReturnLabelCreateMutation = { reverseDeliveryCreateWithShipping: AdminTypes.Maybe<{ reverseDelivery: AdminTypes.Maybe<Pick<AdminTypes.ReverseDelivery, 'id'>>, userErrors: Array<Pick<AdminTypes.ReturnUserError, 'field' | 'message' | 'code'>> }> };

export type ReturnProcessMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.ReturnProcessInput;
}>;


export type ReturnProcessMutation = { returnProcess: AdminTypes.Maybe<{ return: AdminTypes.Maybe<Pick<AdminTypes.Return, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.ReturnUserError, 'field' | 'message' | 'code'>> }> };

export type ReturnCloseMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type ReturnCloseMutation = { returnClose: AdminTypes.Maybe<{ return: AdminTypes.Maybe<Pick<AdminTypes.Return, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.ReturnUserError, 'field' | 'message' | 'code'>> }> };

export type ReturnReopenMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type ReturnReopenMutation = { returnReopen: AdminTypes.Maybe<{ return: AdminTypes.Maybe<Pick<AdminTypes.Return, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.ReturnUserError, 'field' | 'message' | 'code'>> }> };

export type ReturnCancelMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  notifyCustomer?: AdminTypes.InputMaybe<AdminTypes.Scalars['Boolean']['input']>;
}>;


export type ReturnCancelMutation = { returnCancel: AdminTypes.Maybe<{ return: AdminTypes.Maybe<Pick<AdminTypes.Return, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.ReturnUserError, 'field' | 'message' | 'code'>> }> };

export type ProductReviewDefinitionEnableMutationVariables = AdminTypes.Exact<{
  type: AdminTypes.Scalars['String']['input'];
}>;


export type ProductReviewDefinitionEnableMutation = { standardMetaobjectDefinitionEnable: AdminTypes.Maybe<{ metaobjectDefinition: AdminTypes.Maybe<Pick<AdminTypes.MetaobjectDefinition, 'id' | 'type'>>, userErrors: Array<Pick<AdminTypes.MetaobjectUserError, 'field' | 'message' | 'code'>> }> };

export type ProductReviewUpsertMutationVariables = AdminTypes.Exact<{
  handle: AdminTypes.MetaobjectHandleInput;
  metaobject: AdminTypes.MetaobjectUpsertInput;
}>;


export type ProductReviewUpsertMutation = { metaobjectUpsert: AdminTypes.Maybe<{ metaobject: AdminTypes.Maybe<Pick<AdminTypes.Metaobject, 'id' | 'handle'>>, userErrors: Array<Pick<AdminTypes.MetaobjectUserError, 'field' | 'message' | 'code' | 'elementKey'>> }> };

export type ProductReviewByHandleQueryVariables = AdminTypes.Exact<{
  handle: AdminTypes.MetaobjectHandleInput;
}>;


export type ProductReviewByHandleQuery = { metaobjectByHandle: AdminTypes.Maybe<Pick<AdminTypes.Metaobject, 'id'>> };

export type ProductReviewDeleteMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type ProductReviewDeleteMutation = { metaobjectDelete: AdminTypes.Maybe<(
    Pick<AdminTypes.MetaobjectDeletePayload, 'deletedId'>
    & { userErrors: Array<Pick<AdminTypes.MetaobjectUserError, 'field' | 'message' | 'code'>> }
  )> };

export type ProductReviewSummarySetMutationVariables = AdminTypes.Exact<{
  metafields: Array<AdminTypes.MetafieldsSetInput> | AdminTypes.MetafieldsSetInput;
}>;


export type ProductReviewSummarySetMutation = { metafieldsSet: AdminTypes.Maybe<{ metafields: AdminTypes.Maybe<Array<Pick<AdminTypes.Metafield, 'key' | 'value'>>>, userErrors: Array<Pick<AdminTypes.MetafieldsSetUserError, 'field' | 'message' | 'code'>> }> };

export type ProductReviewRatingDeleteMutationVariables = AdminTypes.Exact<{
  metafields: Array<AdminTypes.MetafieldIdentifierInput> | AdminTypes.MetafieldIdentifierInput;
}>;


export type ProductReviewRatingDeleteMutation = { metafieldsDelete: AdminTypes.Maybe<{ userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type MainThemeFilesQueryVariables = AdminTypes.Exact<{
  filenames: Array<AdminTypes.Scalars['String']['input']> | AdminTypes.Scalars['String']['input'];
}>;


export type MainThemeFilesQuery = { themes: AdminTypes.Maybe<{ nodes: Array<(
      Pick<AdminTypes.OnlineStoreTheme, 'id' | 'name'>
      & { files: AdminTypes.Maybe<{ nodes: Array<(
          Pick<AdminTypes.OnlineStoreThemeFile, 'filename'>
          & { body: Pick<AdminTypes.OnlineStoreThemeFileBodyBase64, 'contentBase64'> | Pick<AdminTypes.OnlineStoreThemeFileBodyText, 'content'> }
        )>, userErrors: Array<Pick<AdminTypes.OnlineStoreThemeFileReadResult, 'filename' | 'code'>> }> }
    )> }> };

export type ShopShippingContextQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type ShopShippingContextQuery = { shop: Pick<AdminTypes.Shop, 'ianaTimezone' | 'currencyCode' | 'enabledPresentmentCurrencies'> };

export type ShippingCalendarShopOwnerQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type ShippingCalendarShopOwnerQuery = { shop: Pick<AdminTypes.Shop, 'id'> };

export type AftercareResourceTitlesQueryVariables = AdminTypes.Exact<{
  ids: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
}>;


export type AftercareResourceTitlesQuery = { nodes: Array<AdminTypes.Maybe<Pick<AdminTypes.AbandonedCheckout, 'id'> | Pick<AdminTypes.AbandonedCheckoutLineItem, 'id'> | Pick<AdminTypes.Abandonment, 'id'> | Pick<AdminTypes.AddAllProductsOperation, 'id'> | Pick<AdminTypes.AdditionalFee, 'id'> | Pick<AdminTypes.App, 'id'> | Pick<AdminTypes.AppCatalog, 'id'> | Pick<AdminTypes.AppCredit, 'id'> | Pick<AdminTypes.AppInstallation, 'id'> | Pick<AdminTypes.AppPurchaseOneTime, 'id'> | Pick<AdminTypes.AppRevenueAttributionRecord, 'id'> | Pick<AdminTypes.AppSubscription, 'id'> | Pick<AdminTypes.AppUsageRecord, 'id'> | Pick<AdminTypes.Article, 'id'> | Pick<AdminTypes.BasicEvent, 'id'> | Pick<AdminTypes.Blog, 'id'> | Pick<AdminTypes.BulkOperation, 'id'> | Pick<AdminTypes.BusinessEntity, 'id'> | Pick<AdminTypes.CalculatedOrder, 'id'> | Pick<AdminTypes.CartTransform, 'id'> | Pick<AdminTypes.CashDrawer, 'id'> | Pick<AdminTypes.CashManagementCustomReasonCode, 'id'> | Pick<AdminTypes.CashManagementDefaultReasonCode, 'id'> | Pick<AdminTypes.CashManagementSystemReasonCode, 'id'> | Pick<AdminTypes.CashTrackingAdjustment, 'id'> | Pick<AdminTypes.CashTrackingSession, 'id'> | Pick<AdminTypes.CatalogCsvOperation, 'id'> | Pick<AdminTypes.Channel, 'id'> | Pick<AdminTypes.ChannelDefinition, 'id'> | Pick<AdminTypes.ChannelInformation, 'id'> | Pick<AdminTypes.CheckoutAndAccountsConfiguration, 'id'> | Pick<AdminTypes.CheckoutAndAccountsConfigurationOverride, 'id'> | Pick<AdminTypes.CheckoutProfile, 'id'> | Pick<AdminTypes.Collection, 'title' | 'id'> | Pick<AdminTypes.CollectionConditionsSource, 'id'> | Pick<AdminTypes.CollectionSubCollectionsSource, 'id'> | Pick<AdminTypes.Comment, 'id'> | Pick<AdminTypes.CommentEvent, 'id'> | Pick<AdminTypes.Company, 'id'> | Pick<AdminTypes.CompanyAddress, 'id'> | Pick<AdminTypes.CompanyContact, 'id'> | Pick<AdminTypes.CompanyContactRole, 'id'> | Pick<AdminTypes.CompanyContactRoleAssignment, 'id'> | Pick<AdminTypes.CompanyLocation, 'id'> | Pick<AdminTypes.CompanyLocationCatalog, 'id'> | Pick<AdminTypes.CompanyLocationStaffMemberAssignment, 'id'> | Pick<AdminTypes.ConsentPolicy, 'id'> | Pick<AdminTypes.CurrencyExchangeAdjustment, 'id'> | Pick<AdminTypes.Customer, 'id'> | Pick<AdminTypes.CustomerAccountAppExtensionPage, 'id'> | Pick<AdminTypes.CustomerAccountNativePage, 'id'> | Pick<AdminTypes.CustomerPaymentMethod, 'id'> | Pick<AdminTypes.CustomerSegmentMembersQuery, 'id'> | Pick<AdminTypes.CustomerVisit, 'id'> | Pick<AdminTypes.DeliveryCarrierService, 'id'> | Pick<AdminTypes.DeliveryCondition, 'id'> | Pick<AdminTypes.DeliveryCountry, 'id'> | Pick<AdminTypes.DeliveryCustomization, 'id'> | Pick<AdminTypes.DeliveryLocationGroup, 'id'> | Pick<AdminTypes.DeliveryMethod, 'id'> | Pick<AdminTypes.DeliveryMethodDefinition, 'id'> | Pick<AdminTypes.DeliveryParticipant, 'id'> | Pick<AdminTypes.DeliveryProfile, 'id'> | Pick<AdminTypes.DeliveryProfileItem, 'id'> | Pick<AdminTypes.DeliveryPromiseParticipant, 'id'> | Pick<AdminTypes.DeliveryPromiseProvider, 'id'> | Pick<AdminTypes.DeliveryProvince, 'id'> | Pick<AdminTypes.DeliveryRateDefinition, 'id'> | Pick<AdminTypes.DeliveryZone, 'id'> | Pick<AdminTypes.DiscountAutomaticBxgy, 'id'> | Pick<AdminTypes.DiscountAutomaticNode, 'id'> | Pick<AdminTypes.DiscountCodeNode, 'id'> | Pick<AdminTypes.DiscountNode, 'id'> | Pick<AdminTypes.DiscountRedeemCodeBulkCreation, 'id'> | Pick<AdminTypes.Domain, 'id'> | Pick<AdminTypes.DraftOrder, 'id'> | Pick<AdminTypes.DraftOrderLineItem, 'id'> | Pick<AdminTypes.DraftOrderTag, 'id'> | Pick<AdminTypes.Duty, 'id'> | Pick<AdminTypes.ExchangeLineItem, 'id'> | Pick<AdminTypes.ExternalVideo, 'id'> | Pick<AdminTypes.Fulfillment, 'id'> | Pick<AdminTypes.FulfillmentConstraintRule, 'id'> | Pick<AdminTypes.FulfillmentEvent, 'id'> | Pick<AdminTypes.FulfillmentHold, 'id'> | Pick<AdminTypes.FulfillmentLineItem, 'id'> | Pick<AdminTypes.FulfillmentOrder, 'id'> | Pick<AdminTypes.FulfillmentOrderDestination, 'id'> | Pick<AdminTypes.FulfillmentOrderLineItem, 'id'> | Pick<AdminTypes.FulfillmentOrderMerchantRequest, 'id'> | Pick<AdminTypes.GenericFile, 'id'> | Pick<AdminTypes.GiftCard, 'id'> | Pick<AdminTypes.GiftCardCashOutTransaction, 'id'> | Pick<AdminTypes.GiftCardCreditTransaction, 'id'> | Pick<AdminTypes.GiftCardDebitTransaction, 'id'> | Pick<AdminTypes.IdentityProviderSubject, 'id'> | Pick<AdminTypes.InventoryAdjustmentGroup, 'id'> | Pick<AdminTypes.InventoryItem, 'id'> | Pick<AdminTypes.InventoryItemMeasurement, 'id'> | Pick<AdminTypes.InventoryLevel, 'id'> | Pick<AdminTypes.InventoryQuantity, 'id'> | Pick<AdminTypes.InventoryShipment, 'id'> | Pick<AdminTypes.InventoryShipmentLineItem, 'id'> | Pick<AdminTypes.InventoryTransfer, 'id'> | Pick<AdminTypes.InventoryTransferLineItem, 'id'> | Pick<AdminTypes.LineItem, 'id'> | Pick<AdminTypes.LineItemGroup, 'id'> | Pick<AdminTypes.Location, 'id'> | Pick<AdminTypes.MailingAddress, 'id'> | Pick<AdminTypes.Market, 'id'> | Pick<AdminTypes.MarketCatalog, 'id'> | Pick<AdminTypes.MarketRegionCountry, 'id'> | Pick<AdminTypes.MarketRegionSubdivision, 'id'> | Pick<AdminTypes.MarketWebPresence, 'id'> | Pick<AdminTypes.MarketingActivity, 'id'> | Pick<AdminTypes.MarketingEvent, 'id'> | Pick<AdminTypes.MediaImage, 'id'> | Pick<AdminTypes.Menu, 'id'> | Pick<AdminTypes.Metafield, 'id'> | Pick<AdminTypes.MetafieldDefinition, 'id'> | Pick<AdminTypes.Metaobject, 'id'> | Pick<AdminTypes.MetaobjectDefinition, 'id'> | Pick<AdminTypes.Model3d, 'id'> | Pick<AdminTypes.OnlineStoreTheme, 'id'> | Pick<AdminTypes.Order, 'id'> | Pick<AdminTypes.OrderAdjustment, 'id'> | Pick<AdminTypes.OrderAttributionDefinition, 'id'> | Pick<AdminTypes.OrderCreateMandatePaymentJobResult, 'id'> | Pick<AdminTypes.OrderDisputeSummary, 'id'> | Pick<AdminTypes.OrderEditSession, 'id'> | Pick<AdminTypes.OrderTransaction, 'id'> | Pick<AdminTypes.Page, 'id'> | Pick<AdminTypes.PaymentCustomization, 'id'> | Pick<AdminTypes.PaymentMandate, 'id'> | Pick<AdminTypes.PaymentSchedule, 'id'> | Pick<AdminTypes.PaymentTerms, 'id'> | Pick<AdminTypes.PaymentTermsTemplate, 'id'> | Pick<AdminTypes.PointOfSaleDevice, 'id'> | Pick<AdminTypes.PointOfSaleDevicePaymentSession, 'id'> | Pick<AdminTypes.PriceList, 'id'> | Pick<AdminTypes.PriceRule, 'id'> | Pick<AdminTypes.PriceRuleDiscountCode, 'id'> | Pick<AdminTypes.Product, 'title' | 'id'> | Pick<AdminTypes.ProductBundleOperation, 'id'> | Pick<AdminTypes.ProductDeleteOperation, 'id'> | Pick<AdminTypes.ProductDuplicateOperation, 'id'> | Pick<AdminTypes.ProductFeed, 'id'> | Pick<AdminTypes.ProductOption, 'id'> | Pick<AdminTypes.ProductOptionValue, 'id'> | Pick<AdminTypes.ProductSetOperation, 'id'> | Pick<AdminTypes.ProductTaxonomyNode, 'id'> | Pick<AdminTypes.ProductVariant, 'id'> | Pick<AdminTypes.ProductVariantComponent, 'id'> | Pick<AdminTypes.Publication, 'id'> | Pick<AdminTypes.PublicationResourceOperation, 'id'> | Pick<AdminTypes.QuantityPriceBreak, 'id'> | Pick<AdminTypes.Refund, 'id'> | Pick<AdminTypes.RefundShippingLine, 'id'> | Pick<AdminTypes.Return, 'id'> | Pick<AdminTypes.ReturnLineItem, 'id'> | Pick<AdminTypes.ReturnReasonDefinition, 'id'> | Pick<AdminTypes.ReturnableFulfillment, 'id'> | Pick<AdminTypes.ReverseDelivery, 'id'> | Pick<AdminTypes.ReverseDeliveryLineItem, 'id'> | Pick<AdminTypes.ReverseFulfillmentOrder, 'id'> | Pick<AdminTypes.ReverseFulfillmentOrderDisposition, 'id'> | Pick<AdminTypes.ReverseFulfillmentOrderLineItem, 'id'> | Pick<AdminTypes.SaleAdditionalFee, 'id'> | Pick<AdminTypes.SavedSearch, 'id'> | Pick<AdminTypes.ScriptTag, 'id'> | Pick<AdminTypes.Segment, 'id'> | Pick<AdminTypes.SellingPlan, 'id'> | Pick<AdminTypes.SellingPlanGroup, 'id'> | Pick<AdminTypes.ServerPixel, 'id'> | Pick<AdminTypes.ShippingLabel, 'id'> | Pick<AdminTypes.ShippingLabelPurchaseResult, 'id'> | Pick<AdminTypes.Shop, 'id'> | Pick<AdminTypes.ShopAddress, 'id'> | Pick<AdminTypes.ShopPolicy, 'id'> | Pick<AdminTypes.ShopifyPaymentsAccount, 'id'> | Pick<AdminTypes.ShopifyPaymentsBalanceTransaction, 'id'> | Pick<AdminTypes.ShopifyPaymentsBankAccount, 'id'> | Pick<AdminTypes.ShopifyPaymentsDispute, 'id'> | Pick<AdminTypes.ShopifyPaymentsDisputeEvidence, 'id'> | Pick<AdminTypes.ShopifyPaymentsDisputeFileUpload, 'id'> | Pick<AdminTypes.ShopifyPaymentsDisputeFulfillment, 'id'> | Pick<AdminTypes.ShopifyPaymentsPayout, 'id'> | Pick<AdminTypes.StaffMember, 'id'> | Pick<AdminTypes.StandardMetafieldDefinitionTemplate, 'id'> | Pick<AdminTypes.StoreCreditAccount, 'id'> | Pick<AdminTypes.StoreCreditAccountCreditTransaction, 'id'> | Pick<AdminTypes.StoreCreditAccountDebitRevertTransaction, 'id'> | Pick<AdminTypes.StoreCreditAccountDebitTransaction, 'id'> | Pick<AdminTypes.StorefrontAccessToken, 'id'> | Pick<AdminTypes.SubscriptionBillingAttempt, 'id'> | Pick<AdminTypes.SubscriptionContract, 'id'> | Pick<AdminTypes.SubscriptionDraft, 'id'> | Pick<AdminTypes.TaxonomyAttribute, 'id'> | Pick<AdminTypes.TaxonomyCategory, 'id'> | Pick<AdminTypes.TaxonomyChoiceListAttribute, 'id'> | Pick<AdminTypes.TaxonomyMeasurementAttribute, 'id'> | Pick<AdminTypes.TaxonomyValue, 'id'> | Pick<AdminTypes.TenderTransaction, 'id'> | Pick<AdminTypes.TransactionFee, 'id'> | Pick<AdminTypes.UnverifiedReturnLineItem, 'id'> | Pick<AdminTypes.UrlRedirect, 'id'> | Pick<AdminTypes.UrlRedirectImport, 'id'> | Pick<AdminTypes.Validation, 'id'> | Pick<AdminTypes.Video, 'id'> | Pick<AdminTypes.WebPixel, 'id'> | Pick<AdminTypes.WebhookSubscription, 'id'>>> };

export type AftercarePublishedShopLocalesQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type AftercarePublishedShopLocalesQuery = { shopLocales: Array<Pick<AdminTypes.ShopLocale, 'locale' | 'primary' | 'published'>> };

export type CheckoutSurveyOrderQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type CheckoutSurveyOrderQuery = { order: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id' | 'confirmationNumber'>
    & { customer: AdminTypes.Maybe<Pick<AdminTypes.Customer, 'id'>> }
  )> };

export type CheckoutSurveyAnswerMetafieldsSetMutationVariables = AdminTypes.Exact<{
  metafields: Array<AdminTypes.MetafieldsSetInput> | AdminTypes.MetafieldsSetInput;
}>;


export type CheckoutSurveyAnswerMetafieldsSetMutation = { metafieldsSet: AdminTypes.Maybe<{ metafields: AdminTypes.Maybe<Array<Pick<AdminTypes.Metafield, 'key'>>>, userErrors: Array<Pick<AdminTypes.MetafieldsSetUserError, 'field' | 'message'>> }> };

export type AppInstallationIdQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type AppInstallationIdQuery = { currentAppInstallation: Pick<AdminTypes.AppInstallation, 'id'> };

export type AppMetafieldsSetMutationVariables = AdminTypes.Exact<{
  metafields: Array<AdminTypes.MetafieldsSetInput> | AdminTypes.MetafieldsSetInput;
}>;


export type AppMetafieldsSetMutation = { metafieldsSet: AdminTypes.Maybe<{ metafields: AdminTypes.Maybe<Array<Pick<AdminTypes.Metafield, 'id' | 'namespace' | 'key'>>>, userErrors: Array<Pick<AdminTypes.MetafieldsSetUserError, 'field' | 'message' | 'code' | 'elementIndex'>> }> };

export type OrderExportStartMutationVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
}>;


export type OrderExportStartMutation = { bulkOperationRunQuery: AdminTypes.Maybe<{ bulkOperation: AdminTypes.Maybe<Pick<AdminTypes.BulkOperation, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.BulkOperationUserError, 'field' | 'message' | 'code'>> }> };

export type OrderExportStatusQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type OrderExportStatusQuery = { bulkOperation: AdminTypes.Maybe<Pick<AdminTypes.BulkOperation, 'id' | 'status' | 'errorCode' | 'objectCount' | 'rootObjectCount' | 'url' | 'partialDataUrl'>> };

export type OrderSyncPageQueryVariables = AdminTypes.Exact<{
  first: AdminTypes.Scalars['Int']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  query?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type OrderSyncPageQuery = { orders: { pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'>, nodes: Array<(
      Pick<AdminTypes.Order, 'id' | 'name' | 'createdAt' | 'updatedAt' | 'cancelledAt' | 'displayFulfillmentStatus' | 'email' | 'customerLocale'>
      & { customer: AdminTypes.Maybe<Pick<AdminTypes.Customer, 'id' | 'firstName'>>, shippingAddress: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'countryCodeV2' | 'provinceCode'>>, fulfillments: Array<(
        Pick<AdminTypes.Fulfillment, 'id' | 'status' | 'displayStatus' | 'createdAt' | 'updatedAt' | 'inTransitAt' | 'deliveredAt' | 'estimatedDeliveryAt'>
        & { trackingInfo: Array<Pick<AdminTypes.FulfillmentTrackingInfo, 'company' | 'number' | 'url'>> }
      )>, lineItems: { nodes: Array<(
          Pick<AdminTypes.LineItem, 'id' | 'title' | 'sku' | 'quantity'>
          & { product: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
        )> } }
    )> } };

export type OrderSyncCountQueryVariables = AdminTypes.Exact<{
  query?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type OrderSyncCountQuery = { ordersCount: AdminTypes.Maybe<Pick<AdminTypes.Count, 'count' | 'precision'>> };

interface GeneratedQueryTypes {
  "#graphql\n  query AftercareShopName {\n    shop {\n      name\n    }\n  }\n": {return: AftercareShopNameQuery, variables: AftercareShopNameQueryVariables},
  "#graphql\n  query AftercareShopLocales {\n    shopLocales {\n      locale\n      primary\n    }\n  }\n": {return: AftercareShopLocalesQuery, variables: AftercareShopLocalesQueryVariables},
  "#graphql\n  query ActiveSubscriptions {\n    currentAppInstallation {\n      activeSubscriptions {\n        id\n        name\n        status\n        test\n        trialDays\n        currentPeriodEnd\n      }\n    }\n  }\n": {return: ActiveSubscriptionsQuery, variables: ActiveSubscriptionsQueryVariables},
  "#graphql\n  query ShopOverview {\n    shop {\n      name\n      myshopifyDomain\n      currencyCode\n      ianaTimezone\n    }\n  }\n": {return: ShopOverviewQuery, variables: ShopOverviewQueryVariables},
  "#graphql\n  query ShopEmail {\n    shop {\n      email\n    }\n  }\n": {return: ShopEmailQuery, variables: ShopEmailQueryVariables},
  "#graphql\n  query ShopReturnTimeZone {\n    shop {\n      ianaTimezone\n    }\n  }\n": {return: ShopReturnTimeZoneQuery, variables: ShopReturnTimeZoneQueryVariables},
  "#graphql\n  query ShopRefundPolicy {\n    shop {\n      shopPolicies {\n        type\n        title\n        body\n        url\n        updatedAt\n      }\n    }\n  }\n": {return: ShopRefundPolicyQuery, variables: ShopRefundPolicyQueryVariables},
  "#graphql\n  query FinalSaleProductsByTag($query: String!, $after: String) {\n    products(first: 250, after: $after, query: $query) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        tags\n      }\n    }\n  }\n": {return: FinalSaleProductsByTagQuery, variables: FinalSaleProductsByTagQueryVariables},
  "#graphql\n  query FinalSaleProductsInCollection($id: ID!, $after: String) {\n    collection(id: $id) {\n      products(first: 250, after: $after) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n        }\n      }\n    }\n  }\n": {return: FinalSaleProductsInCollectionQuery, variables: FinalSaleProductsInCollectionQueryVariables},
  "#graphql\n  query ReturnReasons {\n    returnReasonDefinitions(first: 100) {\n      nodes { id handle name deleted }\n    }\n  }\n": {return: ReturnReasonsQuery, variables: ReturnReasonsQueryVariables},
  "#graphql\n  query ReturnableFulfillments($orderId: ID!) {\n    returnableFulfillments(orderId: $orderId, first: 5) {\n      nodes {\n        id\n        fulfillment { id }\n        returnableFulfillmentLineItems(first: 25) {\n          nodes {\n            quantity\n            fulfillmentLineItem {\n              id\n              lineItem { id title product { id } }\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: ReturnableFulfillmentsQuery, variables: ReturnableFulfillmentsQueryVariables},
  "#graphql\n  query OrderReturns($orderId: ID!) {\n    order(id: $orderId) {\n      id\n      returnStatus\n      returns(first: 50) {\n        nodes { id name status totalQuantity createdAt closedAt decline { reason note } }\n      }\n    }\n  }\n": {return: OrderReturnsQuery, variables: OrderReturnsQueryVariables},
  "#graphql\n  query ReturnDetail($id: ID!) {\n    return(id: $id) {\n      id\n      name\n      status\n      totalQuantity\n      createdAt\n      requestApprovedAt\n      closedAt\n      decline { reason note }\n      order { id name }\n      returnLineItems(first: 25) {\n        nodes {\n          id\n          quantity\n          processedQuantity\n          refundableQuantity\n          customerNote\n          returnReasonDefinition { id handle name }\n          ... on ReturnLineItem {\n            fulfillmentLineItem { id lineItem { id title } }\n            withCodeDiscountedTotalPriceSet { shopMoney { amount currencyCode } }\n          }\n        }\n      }\n      exchangeLineItems(first: 25) {\n        nodes {\n          id\n          variantId\n          quantity\n          processedQuantity\n          processableQuantity\n          lineItems { id title variantTitle sku discountedUnitPriceSet { shopMoney { amount currencyCode } } }\n        }\n      }\n      reverseFulfillmentOrders(first: 3) {\n        nodes {\n          id\n          status\n          lineItems(first: 25) { nodes { id totalQuantity fulfillmentLineItem { id } } }\n          reverseDeliveries(first: 3) {\n            nodes {\n              id\n              deliverable {\n                ... on ReverseDeliveryShippingDeliverable {\n                  label { publicFileUrl }\n                  tracking { number url carrierName }\n                }\n              }\n            }\n          }\n        }\n      }\n      refunds(first: 5) {\n        nodes { id createdAt totalRefundedSet { shopMoney { amount currencyCode } } }\n      }\n    }\n  }\n": {return: ReturnDetailQuery, variables: ReturnDetailQueryVariables},
  "#graphql\n  query ReturnOrderPayments($orderId: ID!) {\n    order(id: $orderId) {\n      id\n      transactions(first: 50) { id kind status amountSet { shopMoney { amount currencyCode } } }\n    }\n  }\n": {return: ReturnOrderPaymentsQuery, variables: ReturnOrderPaymentsQueryVariables},
  "#graphql\n  query ProductReviewByHandle($handle: MetaobjectHandleInput!) {\n    metaobjectByHandle(handle: $handle) {\n      id\n    }\n  }\n": {return: ProductReviewByHandleQuery, variables: ProductReviewByHandleQueryVariables},
  "#graphql\n  query MainThemeFiles($filenames: [String!]!) {\n    themes(roles: [MAIN], first: 1) {\n      nodes {\n        id\n        name\n        files(filenames: $filenames, first: 2) {\n          nodes {\n            filename\n            body {\n              ... on OnlineStoreThemeFileBodyText {\n                content\n              }\n              ... on OnlineStoreThemeFileBodyBase64 {\n                contentBase64\n              }\n            }\n          }\n          userErrors {\n            filename\n            code\n          }\n        }\n      }\n    }\n  }\n": {return: MainThemeFilesQuery, variables: MainThemeFilesQueryVariables},
  "#graphql\n  query ShopShippingContext {\n    shop {\n      ianaTimezone\n      currencyCode\n      enabledPresentmentCurrencies\n    }\n  }\n": {return: ShopShippingContextQuery, variables: ShopShippingContextQueryVariables},
  "#graphql\n  query ShippingCalendarShopOwner {\n    shop {\n      id\n    }\n  }\n": {return: ShippingCalendarShopOwnerQuery, variables: ShippingCalendarShopOwnerQueryVariables},
  "#graphql\n  query AftercareResourceTitles($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      id\n      ... on Product {\n        title\n      }\n      ... on Collection {\n        title\n      }\n    }\n  }\n": {return: AftercareResourceTitlesQuery, variables: AftercareResourceTitlesQueryVariables},
  "#graphql\n  query AftercarePublishedShopLocales {\n    shopLocales(published: true) {\n      locale\n      primary\n      published\n    }\n  }\n": {return: AftercarePublishedShopLocalesQuery, variables: AftercarePublishedShopLocalesQueryVariables},
  "#graphql\n  query CheckoutSurveyOrder($id: ID!) {\n    order(id: $id) {\n      id\n      confirmationNumber\n      customer {\n        id\n      }\n    }\n  }\n": {return: CheckoutSurveyOrderQuery, variables: CheckoutSurveyOrderQueryVariables},
  "#graphql\n  query AppInstallationId {\n    currentAppInstallation {\n      id\n    }\n  }\n": {return: AppInstallationIdQuery, variables: AppInstallationIdQueryVariables},
  "#graphql\n  query OrderExportStatus($id: ID!) {\n    bulkOperation(id: $id) {\n      id\n      status\n      errorCode\n      objectCount\n      rootObjectCount\n      url\n      partialDataUrl\n    }\n  }\n": {return: OrderExportStatusQuery, variables: OrderExportStatusQueryVariables},
  "#graphql\n  query OrderSyncPage($first: Int!, $after: String, $query: String) {\n    orders(first: $first, after: $after, query: $query) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        name\n        createdAt\n        updatedAt\n        cancelledAt\n        displayFulfillmentStatus\n        email\n        customerLocale\n        customer {\n          id\n          firstName\n        }\n        shippingAddress {\n          countryCodeV2\n          provinceCode\n        }\n        fulfillments(first: 5) {\n          id\n          status\n          displayStatus\n          createdAt\n          updatedAt\n          inTransitAt\n          deliveredAt\n          estimatedDeliveryAt\n          trackingInfo(first: 1) {\n            company\n            number\n            url\n          }\n        }\n        lineItems(first: 10) {\n          nodes {\n            id\n            title\n            sku\n            quantity\n            product {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: OrderSyncPageQuery, variables: OrderSyncPageQueryVariables},
  "#graphql\n  query OrderSyncCount($query: String) {\n    ordersCount(query: $query, limit: null) {\n      count\n      precision\n    }\n  }\n": {return: OrderSyncCountQuery, variables: OrderSyncCountQueryVariables},
}

interface GeneratedMutationTypes {
  "#graphql\n  mutation FlowTriggerReceive($handle: String, $payload: JSON) {\n    flowTriggerReceive(handle: $handle, payload: $payload) {\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {return: FlowTriggerReceiveMutation, variables: FlowTriggerReceiveMutationVariables},
  "#graphql\n  mutation AnniversaryDiscountCreate($basicCodeDiscount: DiscountCodeBasicInput!) {\n    discountCodeBasicCreate(basicCodeDiscount: $basicCodeDiscount) {\n      codeDiscountNode {\n        id\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n": {return: AnniversaryDiscountCreateMutation, variables: AnniversaryDiscountCreateMutationVariables},
  "#graphql\n  mutation ReturnRequest($input: ReturnRequestInput!) {\n    returnRequest(input: $input) {\n      return { id status }\n      userErrors { field message code }\n    }\n  }\n": {return: ReturnRequestMutation, variables: ReturnRequestMutationVariables},
  "#graphql\n  mutation ReturnApproveRequest($input: ReturnApproveRequestInput!) {\n    returnApproveRequest(input: $input) {\n      return { id status }\n      userErrors { field message code }\n    }\n  }\n": {return: ReturnApproveRequestMutation, variables: ReturnApproveRequestMutationVariables},
  "#graphql\n  mutation ReturnDeclineRequest($input: ReturnDeclineRequestInput!) {\n    returnDeclineRequest(input: $input) {\n      return { id status }\n      userErrors { field message code }\n    }\n  }\n": {return: ReturnDeclineRequestMutation, variables: ReturnDeclineRequestMutationVariables},
  "#graphql\n  mutation ReturnLabelCreate(\n    $reverseFulfillmentOrderId: ID!\n    $reverseDeliveryLineItems: [ReverseDeliveryLineItemInput!]!\n    $labelInput: ReverseDeliveryLabelInput\n    $trackingInput: ReverseDeliveryTrackingInput\n    $notifyCustomer: Boolean\n  ) {\n    reverseDeliveryCreateWithShipping(\n      reverseFulfillmentOrderId: $reverseFulfillmentOrderId\n      reverseDeliveryLineItems: $reverseDeliveryLineItems\n      labelInput: $labelInput\n      trackingInput: $trackingInput\n      notifyCustomer: $notifyCustomer\n    ) {\n      reverseDelivery { id }\n      userErrors { field message code }\n    }\n  }\n": {return: ReturnLabelCreateMutation, variables: ReturnLabelCreateMutationVariables},
  "#graphql\n  mutation ReturnProcess($input: ReturnProcessInput!) {\n    returnProcess(input: $input) {\n      return { id status }\n      userErrors { field message code }\n    }\n  }\n": {return: ReturnProcessMutation, variables: ReturnProcessMutationVariables},
  "#graphql\n  mutation ReturnClose($id: ID!) {\n    returnClose(id: $id) {\n      return { id status }\n      userErrors { field message code }\n    }\n  }\n": {return: ReturnCloseMutation, variables: ReturnCloseMutationVariables},
  "#graphql\n  mutation ReturnReopen($id: ID!) {\n    returnReopen(id: $id) {\n      return { id status }\n      userErrors { field message code }\n    }\n  }\n": {return: ReturnReopenMutation, variables: ReturnReopenMutationVariables},
  "#graphql\n  mutation ReturnCancel($id: ID!, $notifyCustomer: Boolean) {\n    returnCancel(id: $id, notifyCustomer: $notifyCustomer) {\n      return { id status }\n      userErrors { field message code }\n    }\n  }\n": {return: ReturnCancelMutation, variables: ReturnCancelMutationVariables},
  "#graphql\n  mutation ProductReviewDefinitionEnable($type: String!) {\n    standardMetaobjectDefinitionEnable(type: $type) {\n      metaobjectDefinition {\n        id\n        type\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: ProductReviewDefinitionEnableMutation, variables: ProductReviewDefinitionEnableMutationVariables},
  "#graphql\n  mutation ProductReviewUpsert($handle: MetaobjectHandleInput!, $metaobject: MetaobjectUpsertInput!) {\n    metaobjectUpsert(handle: $handle, metaobject: $metaobject) {\n      metaobject {\n        id\n        handle\n      }\n      userErrors {\n        field\n        message\n        code\n        elementKey\n      }\n    }\n  }\n": {return: ProductReviewUpsertMutation, variables: ProductReviewUpsertMutationVariables},
  "#graphql\n  mutation ProductReviewDelete($id: ID!) {\n    metaobjectDelete(id: $id) {\n      deletedId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: ProductReviewDeleteMutation, variables: ProductReviewDeleteMutationVariables},
  "#graphql\n  mutation ProductReviewSummarySet($metafields: [MetafieldsSetInput!]!) {\n    metafieldsSet(metafields: $metafields) {\n      metafields {\n        key\n        value\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: ProductReviewSummarySetMutation, variables: ProductReviewSummarySetMutationVariables},
  "#graphql\n  mutation ProductReviewRatingDelete($metafields: [MetafieldIdentifierInput!]!) {\n    metafieldsDelete(metafields: $metafields) {\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {return: ProductReviewRatingDeleteMutation, variables: ProductReviewRatingDeleteMutationVariables},
  "#graphql\n  mutation CheckoutSurveyAnswerMetafieldsSet($metafields: [MetafieldsSetInput!]!) {\n    metafieldsSet(metafields: $metafields) {\n      metafields {\n        key\n      }\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {return: CheckoutSurveyAnswerMetafieldsSetMutation, variables: CheckoutSurveyAnswerMetafieldsSetMutationVariables},
  "#graphql\n  mutation AppMetafieldsSet($metafields: [MetafieldsSetInput!]!) {\n    metafieldsSet(metafields: $metafields) {\n      metafields {\n        id\n        namespace\n        key\n      }\n      userErrors {\n        field\n        message\n        code\n        elementIndex\n      }\n    }\n  }\n": {return: AppMetafieldsSetMutation, variables: AppMetafieldsSetMutationVariables},
  "#graphql\n  mutation OrderExportStart($query: String!) {\n    bulkOperationRunQuery(query: $query, groupObjects: false) {\n      bulkOperation {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: OrderExportStartMutation, variables: OrderExportStartMutationVariables},
}
declare module '@shopify/admin-api-client' {
  type InputMaybe<T> = AdminTypes.InputMaybe<T>;
  interface AdminQueries extends GeneratedQueryTypes {}
  interface AdminMutations extends GeneratedMutationTypes {}
}
