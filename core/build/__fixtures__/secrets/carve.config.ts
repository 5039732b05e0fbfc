export default {
  env: { SHOP_REGION: 'eu' },
  units: { 'get-health': { env: { HEALTH_DETAIL: 'short' } } },
  secrets: {
    PAYMENTS_KEY: { aws: { ssm: '/shop/payments-key' }, azure: { keyVault: 'https://shop.vault.azure.net/secrets/payments-key' } },
  },
  resources: { orders: { aws: { dynamodbTable: 'shop-orders' }, azure: { storageBlobs: 'shoporders' } } },
};
