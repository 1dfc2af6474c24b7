// The input shapes the Cognito operations share, with the API model's constraints.
import { optional, required, shapes } from '../protocols/input-shapes.ts';

const UNICODE_WORD = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u;

export const ACCESS_TOKEN = shapes.string({ pattern: /^[A-Za-z0-9\-_=.]+$/ });
export const ATTRIBUTE_NAME_MAX = 32;
export const ATTRIBUTE_NAME = shapes.string({ min: 1, max: ATTRIBUTE_NAME_MAX, pattern: UNICODE_WORD });
/** AttributeName without its maximum length, for an operation that checks the length itself (so that a fault can skip it). */
export const ATTRIBUTE_NAME_UNBOUNDED = shapes.string({ min: 1, pattern: UNICODE_WORD });
export const USER_POOL_ID = shapes.string({ min: 1, max: 55, pattern: /^[\w-]+_[0-9a-zA-Z]+$/ });
export const CLIENT_ID = shapes.string({ min: 1, max: 128, pattern: /^[\w+]+$/ });
export const USERNAME = shapes.string({ min: 1, max: 128, pattern: UNICODE_WORD });
export const PASSWORD = shapes.string({ max: 256, pattern: /^\S+$/ });
export const CLIENT_METADATA = shapes.map(shapes.string());
export const STRING_MAP = shapes.map(shapes.string());
export const ATTRIBUTE_LIST = shapes.list(shapes.structure({ Name: required(ATTRIBUTE_NAME), Value: optional(shapes.string({ max: 2048 })) }));
export const VERIFIED_ATTRIBUTES = shapes.list(shapes.enum(['phone_number', 'email']));
