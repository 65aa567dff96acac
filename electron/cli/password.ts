/**
 * Getting the password for the terminal front end (plain Node): a hidden prompt on a terminal,
 * standard input, or a named environment variable. Never an argument, never echoed.
 */
import { readFile } from 'node:fs/promises';
import password from '@inquirer/password';
import type { ConnectArgs } from './args.js';
import { UsageError } from './args.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function obtainPassword(source: ConnectArgs['password']): Promise<string> {
  let value: string;
  if (source.kind === 'env') {
    const fromEnv = process.env[source.name];
    if (fromEnv === undefined || fromEnv === '') {
      throw new UsageError(`The environment variable ${source.name} is not set or empty.`);
    }
    value = fromEnv;
  } else if (source.kind === 'stdin') {
    // Only the line ending a shell or `echo` adds is dropped; other spaces may be part of it.
    value = (await readStdin()).replace(/\r?\n$/, '');
  } else {
    if (!process.stdin.isTTY) {
      throw new UsageError(
        'No terminal to ask the password on: use --password-stdin or --password-env NAME.',
      );
    }
    value = await password({ message: 'Password', mask: false });
  }
  if (value === '') throw new UsageError('The password is empty.');
  return value;
}

/** Reads the --ca files, with an error naming the file that is missing or not PEM. */
export async function readCaFiles(files: readonly string[]): Promise<string[]> {
  return Promise.all(
    files.map(async (file) => {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        throw new UsageError(`Cannot read CA file ${file}: ${(error as Error).message}`);
      }
      if (!text.includes('-----BEGIN CERTIFICATE-----')) {
        throw new UsageError(`CA file ${file} holds no PEM certificate.`);
      }
      return text;
    }),
  );
}
