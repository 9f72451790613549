import { Global, Module } from '@nestjs/common';
import { IdempotencyRepository } from '../database/idempotency.repository.js';
import { IdempotencySweeper } from '../database/idempotency.sweeper.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { ConsumersController } from './api/consumers.controller.js';
import { ContractsController } from './api/contracts.controller.js';
import { EventStreamController } from './api/event-stream.controller.js';
import { EventsController } from './api/events.controller.js';
import { ReadModelsController } from './api/read-models.controller.js';
import { StreamsController } from './api/streams.controller.js';
import { ListConsumersHandler, ReadConsumerHandler } from './application/consumers/consumer-queries.handlers.js';
import { SetCheckpointHandler } from './application/consumers/set-checkpoint.handler.js';
import { EventContracts } from './application/event-contracts.js';
import { EventRelay } from './application/event-relay.js';
import { LiveFeed } from './application/live-feed.js';
import { ReadFeedHandler } from './application/read-feed.handler.js';
import { ReadStreamHandler } from './application/read-stream.handler.js';
import { RebuildReadModelsHandler } from './application/rebuild-read-models.handler.js';
import { StreamCommands } from './application/stream-command.js';
import { AppendListener } from './infrastructure/append-listener.js';
import { AppendSignal } from './infrastructure/append-signal.js';
import { EventLogMetrics } from './infrastructure/event-log.metrics.js';
import { EventStore } from './infrastructure/event-store.js';
import { ConsumerLagGauge } from './infrastructure/consumer-lag.gauge.js';
import { FeedHeadGauge } from './infrastructure/feed-head.gauge.js';
import { ProjectionRegistry } from './infrastructure/projection-registry.js';
import { ReactorRegistry } from './infrastructure/reactor-registry.js';
import { RelayCheckpointRepository } from './infrastructure/relay-checkpoint.repository.js';
import { RelayLeaderLock } from './infrastructure/relay-leader-lock.js';
import { ConsumerCheckpointRepository } from './infrastructure/consumer-checkpoint.repository.js';

/**
 * Global: every bounded context writes through the same path (StreamCommands) and transaction
 * runner. Each context module registers the projections and reactors its events trigger.
 */
@Global()
@Module({
  controllers: [EventsController, EventStreamController, StreamsController, ReadModelsController, ContractsController, ConsumersController],
  providers: [
    EventStore,
    StreamCommands,
    ProjectionRegistry,
    ReactorRegistry,
    EventLogMetrics,
    AppendSignal,
    AppendListener,
    LiveFeed,
    EventRelay,
    EventContracts,
    RelayCheckpointRepository,
    RelayLeaderLock,
    FeedHeadGauge,
    ConsumerLagGauge,
    IdempotencyRepository,
    IdempotencySweeper,
    TransactionRunner,
    ReadFeedHandler,
    ReadStreamHandler,
    RebuildReadModelsHandler,
    ConsumerCheckpointRepository,
    SetCheckpointHandler,
    ReadConsumerHandler,
    ListConsumersHandler,
  ],
  exports: [EventStore, StreamCommands, ProjectionRegistry, ReactorRegistry, TransactionRunner, EventRelay],
})
export class EventLogModule {}
