// The input shapes the Cognito operations share, with the API model's constraints.
import { json, optional, required } from '../protocols/jsonInput.ts';

const UNICODE_WORD = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u;

export const ACCESS_TOKEN = json.string({ pattern: /^[A-Za-z0-9\-_=.]+$/ });
export const ATTRIBUTE_NAME = json.string({ min: 1, max: 32, pattern: UNICODE_WORD });
export const USER_POOL_ID = json.string({ min: 1, max: 55, pattern: /^[\w-]+_[0-9a-zA-Z]+$/ });
export const CLIENT_ID = json.string({ min: 1, max: 128, pattern: /^[\w+]+$/ });
export const USERNAME = json.string({ min: 1, max: 128, pattern: UNICODE_WORD });
export const PASSWORD = json.string({ max: 256, pattern: /^\S+$/ });
export const CLIENT_METADATA = json.map(json.string());
export const STRING_MAP = json.map(json.string());
export const ATTRIBUTE_LIST = json.list(json.structure({ Name: required(ATTRIBUTE_NAME), Value: optional(json.string({ max: 2048 })) }));
export const VERIFIED_ATTRIBUTES = json.list(json.enum(['phone_number', 'email']));
