-- The shopper's look-up by order number reads one row instead of every order of the shop.
-- CreateIndex
CREATE INDEX "Order_shop_name_idx" ON "Order"("shop", "name");
