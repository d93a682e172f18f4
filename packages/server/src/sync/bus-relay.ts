import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import type { Bus } from "../bus/bus.ts";
import type { Logger } from "../logger.ts";
import { type BusMessageKind, decodeBusMessage, encodeBusMessage, pageTopic } from "./bus-message.ts";

/**
 * A room's link to the bus: relays the updates this process stored to the other processes and
 * applies theirs (already stored by them) to the local doc, with itself as the transaction
 * origin so the room does not publish them back. Messages that arrive before the doc is loaded
 * are held and applied on `attach`.
 */
export class BusRelay {
  private held: Uint8Array[] | null = [];
  private doc: Y.Doc | null = null;
  private awareness: awarenessProtocol.Awareness | null = null;
  private localClients: () => number[] = () => [];
  private unsubscribe: (() => Promise<void>) | null = null;

  private constructor(
    private readonly bus: Bus,
    private readonly pageId: string,
    private readonly instanceId: string,
    private readonly logger: Logger,
  ) {}

  /** Subscribes to the page's topic; resolves once the subscription is live. */
  static async start(bus: Bus, pageId: string, instanceId: string, logger: Logger): Promise<BusRelay> {
    const relay = new BusRelay(bus, pageId, instanceId, logger);
    relay.unsubscribe = await bus.subscribe(pageTopic(pageId), (data) => relay.receive(data));
    return relay;
  }

  /** Starts applying messages to the loaded doc and asks the other processes for their awareness. */
  attach(doc: Y.Doc, awareness: awarenessProtocol.Awareness, localClients: () => number[]): void {
    this.doc = doc;
    this.awareness = awareness;
    this.localClients = localClients;
    const held = this.held ?? [];
    this.held = null;
    for (const data of held) this.receive(data);
    this.publish("query-awareness", new Uint8Array(0));
  }

  /** Publishes a local update or awareness change; a failed publish is logged, never thrown. */
  publish(kind: BusMessageKind, payload: Uint8Array): void {
    const message = encodeBusMessage({ sender: this.instanceId, kind, payload });
    this.bus.publish(pageTopic(this.pageId), message).catch((error: unknown) => {
      this.logger.warn("bus publish failed", { page: this.pageId, kind, error });
    });
  }

  /** Ends the subscription. */
  async stop(): Promise<void> {
    const unsubscribe = this.unsubscribe;
    this.unsubscribe = null;
    this.doc = null;
    await unsubscribe?.();
  }

  private receive(data: Uint8Array): void {
    if (this.held) {
      this.held.push(data);
      return;
    }
    const message = decodeBusMessage(data);
    if (!message || message.sender === this.instanceId || !this.doc || !this.awareness) return;
    try {
      if (message.kind === "update") Y.applyUpdate(this.doc, message.payload, this);
      else if (message.kind === "awareness")
        awarenessProtocol.applyAwarenessUpdate(this.awareness, message.payload, this);
      else {
        const clients = this.localClients().filter((id) => this.awareness?.getStates().has(id));
        if (clients.length > 0) {
          this.publish("awareness", awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
        }
      }
    } catch (error) {
      this.logger.warn("ignored a bus message that does not apply", {
        page: this.pageId,
        kind: message.kind,
        error,
      });
    }
  }
}
