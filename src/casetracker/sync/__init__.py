"""Team use: change capture, bundles (seal, sign, verify), applying and merging them.

Services call this layer; it reads and writes the database through the storage layer. No
module here opens a socket: bundles are files in a folder that something else moves.
"""
