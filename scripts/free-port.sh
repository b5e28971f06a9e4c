#!/usr/bin/env bash
# Prints a blob port from which three consecutive ports are free on 127.0.0.1 (for Azurite's blob, queue and table).
# Candidates stay below 32768, where Linux starts handing out ephemeral ports for outgoing connections, so that a
# port found free is not taken a moment later by some client.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for candidate in "${1:-10000}" $(shuf -i 20000-32700 -n 50); do
  if ! port_open "$candidate" && ! port_open $((candidate + 1)) && ! port_open $((candidate + 2)); then
    echo "$candidate"; exit 0
  fi
done
echo "no free ports found" >&2; exit 1
