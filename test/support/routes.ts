import type { INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { ACCESS_METADATA, type AccessRule } from '../../src/common/auth/access.decorator.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** RequestMethod enum values of @nestjs/common, in order. */
const REQUEST_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'ALL', 'OPTIONS', 'HEAD', 'SEARCH'] as const;

export interface RouteInfo {
  method: HttpMethod;
  /** Express style: `/purchases/:id`. */
  path: string;
  /** `PurchaseController.get`, for messages. */
  handler: string;
  /** The access rule the guard will read; undefined is a route nobody may call. */
  rule: AccessRule | undefined;
}

const joinPath = (...parts: string[]) =>
  `/${parts
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;

/**
 * Every controller route of the running application, with the access rule the guard reads
 * (handler first, then class, as the guard does).
 */
export function controllerRoutes(app: INestApplication): RouteInfo[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const routes: RouteInfo[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as (new (...args: never[]) => object) | undefined;
    if (!controller) continue;
    const prefixes = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    for (const name of scanner.getAllMethodNames(controller.prototype)) {
      const fn = (controller.prototype as Record<string, unknown>)[name] as object;
      const paths = Reflect.getMetadata(PATH_METADATA, fn) as string | string[] | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, fn) as number | undefined;
      if (paths === undefined || method === undefined) continue;
      const rule = (Reflect.getMetadata(ACCESS_METADATA, fn) ?? Reflect.getMetadata(ACCESS_METADATA, controller)) as AccessRule | undefined;
      for (const prefix of prefixes) {
        for (const path of ([] as string[]).concat(paths)) {
          routes.push({
            method: REQUEST_METHODS[method] as HttpMethod,
            path: joinPath(prefix, path),
            handler: `${controller.name}.${name}`,
            rule,
          });
        }
      }
    }
  }
  return routes;
}

/** Every route the Express router actually serves (controllers and anything mounted beside them). */
export function expressRoutes(app: INestApplication): Array<{ method: string; path: string }> {
  const express = app.getHttpAdapter().getInstance() as {
    router: { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> };
  };
  return express.router.stack
    .filter((layer) => layer.route)
    .flatMap((layer) => Object.keys(layer.route!.methods).map((m) => ({ method: m.toUpperCase(), path: layer.route!.path })));
}
