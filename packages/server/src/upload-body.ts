import { Busboy } from "@fastify/busboy";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { ChunkList, formatBytes, type RequestBody, readBody, requestBody } from "./body.ts";

/** One file of an upload: its bytes and the name the client gave it, if any. */
export interface UploadedFile {
  bytes: Uint8Array;
  name: string | null;
}

/** An upload's body: the OCR file or scan, and optionally the page image paired with it. */
export interface UploadBody {
  file: UploadedFile;
  image: UploadedFile | null;
}

/**
 * Reads a page upload: either the raw file as the body, or `multipart/form-data` with a part
 * `file` (the OCR file or a scan) and an optional part `image` (the page image of an hOCR, ALTO
 * or PAGE file). The multipart body is parsed as it streams in (`@fastify/busboy`), and refused
 * with 413 as soon as all of it passes `limit` bytes, with 408 when no bytes come for `idleMs`;
 * 400 for a form without `file`, with a part twice, or with a part of another name.
 */
export async function readUploadBody(c: Context, limit: number, idleMs: number): Promise<UploadBody> {
  const type = c.req.header("content-type") ?? "";
  if (!/^multipart\/form-data\b/i.test(type))
    return { file: { bytes: await readBody(c, limit, idleMs), name: null }, image: null };
  const declared = c.req.header("content-length");
  if (declared !== undefined && Number(declared) > limit)
    throw new HTTPException(413, { message: `the body is over the limit of ${formatBytes(limit)}` });
  const parts = await parseParts(requestBody(c, idleMs), type, limit);
  const file = parts.get("file");
  if (!file)
    throw new HTTPException(400, { message: "the form has no part named file (the OCR file or page image)" });
  const image = parts.get("image");
  return {
    file: { bytes: await file.chunks.concat(), name: file.name },
    image: image ? { bytes: await image.chunks.concat(), name: image.name } : null,
  };
}

function parseParts(
  body: RequestBody,
  contentType: string,
  limit: number,
): Promise<Map<string, { chunks: ChunkList; name: string | null }>> {
  return new Promise((resolve, reject) => {
    const parts = new Map<string, { chunks: ChunkList; name: string | null }>();
    let failed = false;
    const refuse = (error: HTTPException) => {
      if (failed) return;
      failed = true;
      body.cancel();
      reject(error);
    };
    const fail = (status: 400 | 413, message: string) => refuse(new HTTPException(status, { message }));
    let parser: Busboy;
    try {
      parser = new Busboy({
        headers: { "content-type": contentType },
        limits: { parts: 4, fileSize: limit },
      });
    } catch (error) {
      reject(new HTTPException(400, { message: `not a multipart form: ${(error as Error).message}` }));
      return;
    }
    parser.on("file", (name, file, filename) => {
      if (name !== "file" && name !== "image") {
        file.resume();
        return fail(400, `unexpected part "${name}": the form takes a part file and an optional part image`);
      }
      if (parts.has(name)) {
        file.resume();
        return fail(400, `the part ${name} was sent twice`);
      }
      const chunks = new ChunkList();
      parts.set(name, { chunks, name: filename || null });
      file.on("data", (chunk: Buffer) => chunks.push(chunk));
    });
    parser.on("field", (name) => fail(400, `unexpected field "${name}": send the file as a part named file`));
    parser.on("partsLimit", () =>
      fail(400, "too many parts: the form takes a part file and an optional part image"),
    );
    parser.on("error", (error: Error) => fail(400, `the multipart form does not parse: ${error.message}`));
    parser.on("finish", () => {
      if (!failed) resolve(parts);
    });
    (async () => {
      let size = 0;
      for await (const value of body.chunks()) {
        size += value.byteLength;
        if (size > limit) return fail(413, `the body is over the limit of ${formatBytes(limit)}`);
        // Backpressure: wait for the parser to take a chunk before reading the next.
        if (!parser.write(value)) await new Promise((drained) => parser.once("drain", drained));
        if (failed) return;
      }
      parser.end();
    })().catch((error: unknown) =>
      error instanceof HTTPException
        ? refuse(error)
        : fail(400, `the upload was cut off: ${(error as Error).message}`),
    );
  });
}
