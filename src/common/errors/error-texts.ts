/**
 * What each error code means, in both languages: the catalogue the error filter answers zh-CN
 * from, and the list a test holds against every code the code base raises
 * (error-texts.spec.ts). The English message an error carries names the very values of the
 * request, so English answers keep it; the zh-CN text is rendered from here:
 *   `{field}`  the field, as `单价（unitPrice）` (its official label and its name)
 *   `{key}`    `details.key` of the error (a list is joined with 、)
 *   `[…]`      said only when every placeholder inside it has a value
 * Validation failures found by class-validator, and the few errors built with both texts
 * (LocalizedValidationError), carry their own and are not listed here.
 */
export interface ErrorText {
  en: string;
  zh: string;
}

const t = (en: string, zh: string): ErrorText => ({ en, zh });

export const ERROR_TEXTS: Readonly<Record<string, ErrorText>> = {
  // Access, limits and the HTTP layer
  'AUTH.REQUIRED': t('This request needs credentials', '此请求需要凭据：Authorization: Bearer <API 密钥或令牌>'),
  'AUTH.INVALID_CREDENTIALS': t('The credentials are invalid, expired or revoked', '凭据无效、已过期或已吊销'),
  'AUTH.PERMISSION_DENIED': t("The credential's roles do not grant the permission", '凭据的角色不具备此操作的权限[：缺少 {missing}]'),
  'AUTH.DEPARTMENT_OUT_OF_SCOPE': t("The department is outside the credential's scope", '该部门不在凭据的部门范围内'),
  'AUTH.NO_ACCESS_RULE': t('The route has no access rule', '此路由没有访问规则，任何人都不能调用'),
  'HTTP.TOO_MANY_REQUESTS': t('Too many requests', '请求过于频繁，请按 Retry-After 稍后重试'),
  'HTTP.NOT_FOUND': t('No such route', '没有这个地址'),
  'HTTP.PAYLOAD_TOO_LARGE': t('The request body is too large', '请求体过大'),
  'HTTP.REQUEST_HEADER_FIELDS_TOO_LARGE': t('The request headers are too large', '请求头过大'),
  'HTTP.BAD_REQUEST': t('Malformed request', '请求格式错误'),
  'HTTP.UNSUPPORTED_MEDIA_TYPE': t('Unsupported content type', '不支持此内容类型'),
  'HTTP.METHOD_NOT_ALLOWED': t('Method not allowed', '此地址不支持该请求方法'),
  INTERNAL: t('Internal server error', '服务器内部错误'),
  'DATABASE.UNAVAILABLE': t('The database is unavailable', '数据库暂时不可用，请重试（带同一 Idempotency-Key 的请求只会生效一次）'),
  'IDEMPOTENCY.KEY_REUSED': t('The Idempotency-Key was used for a different request', '此 Idempotency-Key 已用于另一个请求'),
  'IDEMPOTENCY.SEALED_ANSWER': t(
    'The first answer was sealed with another credential',
    '首次应答已用另一凭据加密，无法重放[；密钥编号 {id}，如需新密钥请吊销后重建]',
  ),
  'STREAM.VERSION_CONFLICT': t(
    'The stream changed since it was read',
    '数据已被他人修改[（当前版本 {actual}，请求基于 {expected}）]，请重新读取后再试',
  ),
  'STREAM.NOT_FOUND': t('No such stream', '没有这个数据流'),

  // Input rules shared by every context
  'VALIDATION.REQUIRED': t('A required field is missing', '{field}为必填项'),
  'VALIDATION.TYPE': t('A field has the wrong type', '{field}类型错误'),
  'VALIDATION.INVALID': t('The request is invalid', '请求无效'),
  'VALIDATION.UNKNOWN_FIELD': t('A field this request does not take', '{field} 不是此请求的字段'),
  'VALIDATION.NUL_CHARACTER': t('Text with a NUL character', '{field}含有空字符（NUL）'),
  'VALIDATION.LONE_SURROGATE': t('Text with a lone UTF-16 surrogate', '{field}含有不成对的 UTF-16 代理字符'),
  'VALIDATION.CONTROL_CHARACTER': t('Text with a control character', '{field}含有控制字符'),
  'VALIDATION.BIDI_CONTROL': t('Text with a bidirectional override', '{field}含有双向文字控制字符'),
  'VALIDATION.TOO_DEEP': t('The body is nested too deeply', '请求体嵌套过深'),
  'VALIDATION.IDEMPOTENCY_KEY': t('A malformed Idempotency-Key', 'Idempotency-Key 须为 1 至 200 个可见 ASCII 字符'),
  'VALIDATION.IF_MATCH': t('A malformed If-Match', 'If-Match 须为非负整数版本号'),
  'VALIDATION.FUTURE_DATE': t('A business date after today', '{field}[{date} ]晚于今天[（{today}）]：登记的是已经发生的事'),
  'MONEY.INVALID': t('Not an amount in 元', '{field}不是有效的金额（元，至多两位小数）'),
  'MONEY.NEGATIVE': t('A negative amount', '{field}不能为负数'),
  'MONEY.NOT_POSITIVE': t('An amount that must be positive', '{field}必须大于零'),
  'MONEY.TOO_LARGE': t('An amount beyond the register’s range', '{field}金额过大'),
  'MONEY.TOO_PRECISE': t('An amount with more than 2 decimals', '{field}至多两位小数（分）'),
  'QUANTITY.INVALID': t('Not a quantity', '{field}不是有效的数量'),
  'QUANTITY.NOT_POSITIVE': t('A quantity that must be positive', '{field}必须大于零'),
  'QUANTITY.TOO_LARGE': t('A quantity beyond the register’s range', '{field}数量过大'),
  'QUANTITY.TOO_PRECISE': t('A quantity with too many decimals', '{field}小数位过多'),
  'FUNDING.INVALID': t('A malformed funding split', '{field}须为“资金来源 → 金额”的对象'),
  'FUNDING.SUM_MISMATCH': t('Funding parts that do not sum to the amount', '{field}各来源之和与金额不符'),
  'FUNDING.UNKNOWN_SOURCE': t('An unknown funding source', '{field}不是已知的资金来源'),
  'FEED.INVALID_CURSOR': t('A malformed feed cursor', '{field}不是有效的游标'),

  // Catalog, budget, departments
  'CATALOG.MALFORMED_CODE': t('A malformed catalog code', '{field}格式错误：政府采购品目代码为 A、B 或 C 加 8 位数字，如 A02021301'),
  'CATALOG.UNKNOWN_CODE': t('A code not in the 2022 procurement catalog', '{field}不在 2022 年政府采购品目分类目录中'),
  'CATALOG.BAD_PAGE': t('A bad page', '{field}超出范围'),
  'CATALOG.NEGATIVE_UNIT_PRICE': t('A negative unit price', '{field}不能为负数'),
  'BUDGET.NOT_FOUND': t('No such budget entry', '没有这项预算[：{economicCode}]'),
  'INCOME.EMPTY': t('An income declaration without sources', '收入须至少列出一个资金来源'),
  'DEPARTMENT.NOT_FOUND': t('No such department', '没有这个部门'),
  'DEPARTMENT.NAME_REQUIRED': t('A department needs a name', '{field}为必填项'),
  'DEPARTMENT.NAME_TOO_LONG': t('A department name that is too long', '{field}过长'),

  // Procurement
  'PURCHASE.NOT_FOUND': t('No such purchase', '没有这项采购[ {purchaseId}]'),
  'PURCHASE.ALREADY_EXISTS': t('The purchase already exists', '该采购已存在'),
  'PURCHASE.REQUIRED': t('A required text is blank', '{field}为必填项，不能为空白'),
  'PURCHASE.TOO_LONG': t('A text that is too long', '{field}过长'),
  'PURCHASE.INVALID_ID': t('A malformed id', '{field}须为 UUID'),
  'PURCHASE.INVALID_DATE': t('Not a real date', '{field}须为真实日期，格式 YYYY-MM-DD'),
  'PURCHASE.CATALOG_CODE_MALFORMED': t(
    'A malformed catalog code',
    '{field}格式错误：政府采购品目代码为 A、B 或 C 加 8 位数字，如 A02021301',
  ),
  'PURCHASE.CATALOG_CODE_UNKNOWN': t('A code not in the procurement catalog', '{field}不在 2022 年政府采购品目分类目录中'),
  'PURCHASE.ECONOMIC_CODE_MALFORMED': t('A malformed economic code', '{field}格式错误：部门经济分类科目为 3 位（类）或 5 位（款）数字'),
  'PURCHASE.PROJECT_UNKNOWN': t('A project not in the budget', '{field}不是本部门本年度预算中的项目'),
  'PURCHASE.AMOUNT_MISMATCH': t('Amount is not quantity × unit price', '{field}不等于数量 × 单价'),
  'PURCHASE.FUNDING_EMPTY': t('A purchase without funding', '{field}须至少有一个资金来源'),
  'PURCHASE.FUNDING_MISMATCH': t('Funding parts that do not sum to the amount', '{field}各来源之和与金额不符'),
  'PURCHASE.FUNDING_SOURCE_UNKNOWN': t('An unknown funding source', '{field}不是已知的资金来源'),
  'PURCHASE.SME_EXCEEDS_AMOUNT': t('The SME reservation exceeds the amount', '{field}超过采购金额'),
  'PURCHASE.NOT_AMENDABLE': t('The purchase can no longer be amended', '该采购已签订合同或已取消，不能再修改计划'),
  'PURCHASE.ILLEGAL_TRANSITION': t('The purchase’s status does not allow this', '该采购当前状态[（{status}）]不允许此操作'),
  'PURCHASE.CONTRACT_OVER_BUDGET': t(
    'The contract exceeds the planned amount',
    '合同金额[ {received} 元]超过计划金额[ {planned} 元]，请先调整采购计划',
  ),
  'PURCHASE.ACCEPTED_BEFORE_SIGNED': t('Accepted before the contract was signed', '{field}早于合同签订日期'),
  'PURCHASE.DUPLICATE_ACCEPTANCE': t('The acceptance is already recorded', '该验收已登记'),
  'PURCHASE.OVER_ACCEPTANCE': t('Accepting more than contracted', '{field}超过合同尚未验收的数量'),
  'PURCHASE.OVER_ACCEPTANCE_AMOUNT': t('Accepting more than the contract amount', '{field}超过合同尚未验收的金额'),

  // Assets, declarations, stocktakes
  'ASSET.NOT_FOUND': t('No such asset card', '没有这张资产卡片'),
  'ASSET.ALREADY_EXISTS': t('The asset card already exists', '该资产卡片已存在'),
  'ASSET.REQUIRED': t('A required field is blank', '{field}为必填项'),
  'ASSET.TOO_LONG': t('A text that is too long', '{field}过长'),
  'ASSET.INVALID_ID': t('A malformed id', '{field}须为 UUID'),
  'ASSET.INVALID_DATE': t('Not a real date', '{field}须为真实日期，格式 YYYY-MM-DD'),
  'ASSET.CATALOG_CODE_MALFORMED': t('A malformed catalog code', '{field}格式错误：政府采购品目代码为 A、B 或 C 加 8 位数字，如 A02021301'),
  'ASSET.CATALOG_CODE_UNKNOWN': t('A code not in the procurement catalog', '{field}不在 2022 年政府采购品目分类目录中'),
  'ASSET.NOT_GOODS': t('Only goods are fixed assets', '{field}是服务或工程：只有货物类（A 类）品目才是固定资产'),
  'ASSET.NOT_AN_ASSET': t('A consumable, not a fixed asset', '{field}是消耗品，不属于任何固定资产类别'),
  'ASSET.CATEGORY_UNKNOWN': t('An unknown asset category', '{field}不是已知的资产类别'),
  'ASSET.CATEGORY_REPEATED': t('A category listed twice', '{field}中同一资产类别出现了两次'),
  'ASSET.QUANTITY_INVALID': t('Not a whole quantity', '{field}须为整数'),
  'ASSET.QUANTITY_NOT_WHOLE': t('A fixed asset is counted in whole items', '{field}须为整数：固定资产按件计'),
  'ASSET.QUANTITY_NOT_BATCH': t('One card per item in this category', '{field}须为 1：此类资产一件一卡（只有家具用具、图书档案可合卡）'),
  'ASSET.COUNT_INVALID': t('Not a count', '{field}须为非负整数'),
  'ASSET.VALUE_WITHOUT_ITEMS': t('A value without items', '{field}：数量为 0 时价值也须为 0'),
  'ASSET.FUNDING_MISMATCH': t('Funding parts that do not sum to the value', '{field}各来源之和与原值不符'),
  'ASSET.SOURCE_UNKNOWN': t('An unknown acquisition method', '{field}不是已知的取得方式'),
  'ASSET.DISPOSAL_METHOD_UNKNOWN': t('An unknown disposal method', '{field}不是已知的处置方式'),
  'ASSET.USAGE_UNKNOWN': t('An unknown usage state', '{field}须为 在用、闲置、出租出借 或 待处置'),
  'ASSET.NUMBER_MALFORMED': t('A malformed asset number', '{field}不能含空格'),
  'ASSET.NUMBER_TAKEN': t('The asset number is taken', '资产编号[ {assetNo} ]已被本部门另一张卡片使用'),
  'ASSET.NUMBER_REPEATED': t('An asset number repeated in the file', '{field}在文件中重复'),
  'ASSET.NOTHING_TO_CHANGE': t('Nothing to change', '请至少给出一个要修改的字段（null 表示清空）'),
  'ASSET.NOTHING_TO_MOVE': t('Nothing to move', '请给出存放地点或使用人（null 表示清空）'),
  'ASSET.DISPOSED': t('The asset was disposed of', '该资产已处置，不能再变更'),
  'ASSET.ALREADY_DISPOSED': t('The asset was already disposed of', '该资产已处置'),
  'ASSET.DISPOSED_BEFORE_ACQUIRED': t('Disposed of before it was acquired', '{field}早于取得日期'),
  'ASSET.DEPRECIATION_ABOVE_VALUE': t('Depreciation above the original value', '{field}超过原值'),
  'ASSET.FRACTIONAL_ACCEPTANCE': t('A fixed asset is accepted in whole items', '{field}须为整数：固定资产按件验收'),
  'ASSET.TOO_MANY_CARDS': t('Too many cards in one acceptance', '{field}过大：一次验收生成的卡片过多，请分次验收'),
  'ASSET.DECLARATION_EMPTY': t('An empty declaration', '{field}不能为空：未列出的类别按 0 计'),
  'ASSET.DECLARATION_NOT_FOUND': t('No such declaration', '没有这项申报'),
  'STOCKTAKE.NOT_FOUND': t('No such stocktake', '没有这次资产清查[ {stocktakeId}]'),
  'STOCKTAKE.ALREADY_EXISTS': t('The stocktake already exists', '该资产清查已存在'),
  'STOCKTAKE.CLOSED': t('The stocktake is closed', '该资产清查已结束，不能再变更'),
  'STOCKTAKE.ASSET_NOT_IN_SCOPE': t('A card outside the stocktake', '{field}不在本次清查范围内'),
  'STOCKTAKE.COUNTED_TWICE': t('A card counted twice in one request', '{field}在同一请求中盘点了两次'),
  'STOCKTAKE.NOTHING_COUNTED': t('Nothing counted', '请至少给出一条盘点记录'),
  'STOCKTAKE.TOO_MANY_COUNTS': t('Too many counts in one request', '{field}过多，请分批提交'),
  'STOCKTAKE.QUANTITY_NOT_FOUND': t('A quantity found on a card not found', '{field}：未盘到的卡片不能有盘到数量'),
  'STOCKTAKE.VALUE_REQUIRED': t('A surplus item needs a value', '{field}为必填项'),

  // Imports, disclosures, the event log
  'IMPORT.EMPTY': t('An empty file', '文件为空，或只有表头'),
  'IMPORT.TOO_LARGE': t('The file is too large', '文件过大'),
  'IMPORT.UNREADABLE': t('An unreadable file', '文件既不是可读的 CSV（UTF-8）也不是 xlsx 工作簿'),
  'IMPORT.COLUMNS_MISSING': t('Columns missing', '表头缺少必需的列[：{missing}]'),
  'IMPORT.INVALID_ROWS': t(
    'Bad cells; nothing was imported',
    '文件中有[ {problemCount} 处]错误，未导入任何数据（details.problems 列出每一处）',
  ),
  'SHEET.NO_FILE': t('No file sent', '请以请求体发送文件'),
  'SHEET.EMPTY': t('An empty sheet', '表格为空'),
  'SHEET.UNREADABLE': t('An unreadable sheet', '无法读取该表格'),
  'SHEET.COLUMN_MISSING': t('A column missing', '表头缺少必需的列[：{missing}]'),
  'SHEET.REQUIRED': t('A required cell is blank', '必填单元格为空'),
  'SHEET.UNSAFE_TEXT': t(
    'A cell or line of the file with a character the register does not store',
    '文件[第 {row} 行「{column}」][第 {line} 行]含有不能登记的字符（控制字符、双向文字控制字符或不成对的 UTF-16 代理字符）',
  ),
  'SHEET.REJECTED': t('Bad rows; nothing was imported', '表格中有错误，未导入任何数据（details 列出每一处）'),
  'DISCLOSURE.NO_DOCUMENT': t('No document sent', '请发送公开文件的文本'),
  'DISCLOSURE.REJECTED': t('The document was rejected', '该公开文件未通过检查，未导入任何数据（details 列出原因）'),
  'DISCLOSURE.COMMAND_REFUSED': t('A row of the document was refused', '公开文件中的一行未被接受，未导入任何数据'),
  'DISCLOSURE.NOT_FOUND': t('No such disclosure', '没有这份公开文件'),
  'API_KEY.NOT_FOUND': t('No such API key', '没有这个 API 密钥'),
  'CONSUMER.NOT_FOUND': t('No such consumer', '没有这个消费者'),
  'CONSUMER.IF_MATCH_REQUIRED': t('If-Match is required', '更新已有检查点须带 If-Match（当前游标）'),
  'CONSUMER.CHECKPOINT_CONFLICT': t('The checkpoint moved', '检查点已被移动，请重新读取后再试'),
  'CONSUMER.CHECKPOINT_BACKWARDS': t('A checkpoint moved backwards', '检查点不能后退（要后退请加 ?reset=true）'),
  'EVENT_SCHEMA.UNKNOWN_TYPE': t('No such event type', '没有这个事件类型'),
  'EVENT_SCHEMA.UNKNOWN_VERSION': t('No such schema version', '该事件类型没有这个版本'),
};
