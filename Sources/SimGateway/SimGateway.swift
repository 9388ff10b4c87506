// SimGateway module.
