"""The official SDK's side of bench-push: subscribes ORDER_BOOK pushes of one code through an
OrderBookHandlerBase subclass (the SDK parses every push into its order-book dict) and answers
`count` on stdin with how many it handled and the newest best ask."""
import sys

from moomoo import OpenQuoteContext, OrderBookHandlerBase, RET_OK, SubType

host, port, code = sys.argv[1], int(sys.argv[2]), sys.argv[3]
handled = 0
best_ask = None


class Books(OrderBookHandlerBase):
    def on_recv_rsp(self, rsp_pb):
        global handled, best_ask
        ret, data = super().on_recv_rsp(rsp_pb)
        if ret == RET_OK:
            handled += 1
            asks = data.get("Ask") or []
            best_ask = asks[0][0] if asks else None
        return ret, data


ctx = OpenQuoteContext(host=host, port=port)
ctx.set_handler(Books())
ret, msg = ctx.subscribe([code], [SubType.ORDER_BOOK])
print("subscribed" if ret == RET_OK else f"error {msg}", flush=True)
for line in sys.stdin:
    if line.strip() == "count":
        print(f"count {handled} best-ask {best_ask}", flush=True)
    elif line.strip() == "quit":
        break
ctx.close()
