import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AssetWriter } from './asset-writer.js';
import { ChangeAssetCommand, RegisterAssetCommand } from './asset.commands.js';
import type { AssetView } from './asset.view.js';

@CommandHandler(RegisterAssetCommand)
export class RegisterAssetHandler implements ICommandHandler<RegisterAssetCommand, AssetView> {
  constructor(private readonly writer: AssetWriter) {}

  execute({ department, input, context }: RegisterAssetCommand): Promise<AssetView> {
    const assetId = randomUUID();
    return this.writer.write(assetId, { type: 'RegisterAsset', data: { ...input, assetId } }, context, department);
  }
}

@CommandHandler(ChangeAssetCommand)
export class ChangeAssetHandler implements ICommandHandler<ChangeAssetCommand, AssetView> {
  constructor(private readonly writer: AssetWriter) {}

  execute({ assetId, command, context }: ChangeAssetCommand): Promise<AssetView> {
    return this.writer.write(assetId, command, context);
  }
}
