import { FeedFilterDto } from './feed-query.dto.js';

export class LiveFeedQueryDto extends FeedFilterDto {}
