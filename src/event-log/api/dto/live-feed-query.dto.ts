import { PickType } from '@nestjs/swagger';
import { FeedQueryDto } from './feed-query.dto.js';

export class LiveFeedQueryDto extends PickType(FeedQueryDto, ['after', 'type', 'department'] as const) {}
