import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../common/context/command-context.js';
import type { ChangeAssetDetailsData, DisposeAssetData, MoveAssetData, RegisterAssetData } from '../domain/asset.commands.js';
import type { AssetView } from './asset.view.js';

export type RegisterAssetInput = Omit<RegisterAssetData, 'assetId' | 'origin' | 'unitValue'>;

/** Manual registration of a card (POST /departments/:dept/assets). */
export class RegisterAssetCommand extends Command<AssetView> {
  constructor(
    readonly department: string,
    readonly input: RegisterAssetInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** A card changes place or keeper (POST /assets/:id/move). */
export class MoveAssetCommand extends Command<AssetView> {
  constructor(
    readonly move: MoveAssetData,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** A card leaves the register (POST /assets/:id/dispose). */
export class DisposeAssetCommand extends Command<AssetView> {
  constructor(
    readonly disposal: DisposeAssetData,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** The keeper corrects or completes a card's details (PATCH /assets/:id). */
export class ChangeAssetDetailsCommand extends Command<AssetView> {
  constructor(
    readonly change: ChangeAssetDetailsData,
    /** The version the client last saw (If-Match); undefined: not checked. */
    readonly ifMatch: number | undefined,
    readonly context: CommandContext,
  ) {
    super();
  }
}
