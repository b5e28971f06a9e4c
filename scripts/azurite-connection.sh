#!/usr/bin/env bash
# Prints the connection string of an Azurite started by scripts/azurite.sh on the given blob port.
# The account and key are Azurite's public, well-known development credentials, not a secret.
blob_port="${1:-10000}"
account=devstoreaccount1
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
printf 'DefaultEndpointsProtocol=http;AccountName=%s;AccountKey=%s;BlobEndpoint=http://127.0.0.1:%s/%s;QueueEndpoint=http://127.0.0.1:%s/%s;TableEndpoint=http://127.0.0.1:%s/%s;\n' \
  "$account" "$key" "$blob_port" "$account" "$((blob_port + 1))" "$account" "$((blob_port + 2))" "$account"
