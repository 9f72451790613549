import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../common/context/command-context.js';
import type { DisposeAsset, MoveAsset, RegisterAssetData } from '../domain/asset.commands.js';
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

/** Move or dispose of an existing card. */
export class ChangeAssetCommand extends Command<AssetView> {
  constructor(
    readonly assetId: string,
    readonly command: MoveAsset | DisposeAsset,
    readonly context: CommandContext,
  ) {
    super();
  }
}
