const PREFIX = 'purchase-';

export const purchaseStreamId = (purchaseId: string) => `${PREFIX}${purchaseId}`;
export const isPurchaseStream = (streamId: string) => streamId.startsWith(PREFIX);
