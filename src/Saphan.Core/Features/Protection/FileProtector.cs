using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Saphan.Core.Features.Protection;

/// <summary>
/// Encrypts whole files at rest (uploads waiting for import) with AES-256-GCM in fixed-size chunks, so memory
/// stays flat whatever the file's size and a reader can seek (an XLSX workbook is a ZIP read from its end).
/// The key is derived from the same key ring as the field encryption, for its own purpose.
/// Layout: header "SPHF" | version (1) | nonce prefix (7) | chunk size (4, big-endian); then chunks of
/// ciphertext (chunk size, the last one shorter) each followed by its tag (16). A chunk's nonce is the prefix,
/// its index (4) and a last-chunk flag (1); the header is the associated data of every chunk, so chunks cannot be
/// reordered, swapped between files, or cut off at a chunk boundary without failing authentication.
/// </summary>
public sealed class FileProtector
{
    internal const int ChunkSize = 64 * 1024;
    internal const int TagSize = 16;
    private const int PrefixSize = 7;
    internal const int HeaderSize = 4 + 1 + PrefixSize + 4;
    private const byte FormatVersion = 1;
    private readonly byte[] _key;

    public FileProtector(KeyRing keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _key = keys.Derive("file-encryption/v1");
    }

    /// <summary>A write-only stream that encrypts into a new file at <paramref name="path"/> (created, never overwritten).</summary>
    public Stream Create(string path) =>
        new EncryptingStream(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous), _key);

    /// <summary>A read-only, seekable stream of the decrypted content of a file written by <see cref="Create"/>.</summary>
    public Stream Open(string path) =>
        new DecryptingStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.RandomAccess), _key);

    private static void Nonce(Span<byte> nonce, ReadOnlySpan<byte> header, int index, bool last)
    {
        header.Slice(5, PrefixSize).CopyTo(nonce);
        BinaryPrimitives.WriteInt32BigEndian(nonce.Slice(PrefixSize, 4), index);
        nonce[PrefixSize + 4] = last ? (byte)1 : (byte)0;
    }

    private sealed class EncryptingStream : Stream
    {
        private readonly FileStream _file;
        private readonly AesGcm _aes;
        private readonly byte[] _header = new byte[HeaderSize];
        private readonly byte[] _plain = new byte[ChunkSize];
        private readonly byte[] _cipher = new byte[ChunkSize + TagSize];
        private int _filled;
        private int _index;
        private long _length;
        private bool _closed;

        public EncryptingStream(FileStream file, byte[] key)
        {
            _file = file;
            _aes = new AesGcm(key, TagSize);
            "SPHF"u8.CopyTo(_header);
            _header[4] = FormatVersion;
            RandomNumberGenerator.Fill(_header.AsSpan(5, PrefixSize));
            BinaryPrimitives.WriteInt32BigEndian(_header.AsSpan(5 + PrefixSize), ChunkSize);
            _file.Write(_header);
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => !_closed;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            while (buffer.Length > 0)
            {
                // A full chunk is sealed only when more follows, so the last chunk (flagged) is always written by Dispose.
                if (_filled == ChunkSize)
                {
                    Seal(last: false);
                }

                var n = Math.Min(buffer.Length, ChunkSize - _filled);
                buffer[..n].CopyTo(_plain.AsSpan(_filled));
                _filled += n;
                _length += n;
                buffer = buffer[n..];
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        private void Seal(bool last)
        {
            Span<byte> nonce = stackalloc byte[12];
            Nonce(nonce, _header, _index, last);
            _aes.Encrypt(nonce, _plain.AsSpan(0, _filled), _cipher.AsSpan(0, _filled), _cipher.AsSpan(_filled, TagSize), _header);
            _file.Write(_cipher, 0, _filled + TagSize);
            _index++;
            _filled = 0;
        }

        public override void Flush() => _file.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_closed)
            {
                _closed = true;
                try
                {
                    Seal(last: true);
                }
                finally
                {
                    CryptographicOperations.ZeroMemory(_plain);
                    _aes.Dispose();
                    _file.Dispose();
                }
            }

            base.Dispose(disposing);
        }
    }

    private sealed class DecryptingStream : Stream
    {
        private readonly FileStream _file;
        private readonly AesGcm _aes;
        private readonly byte[] _header = new byte[HeaderSize];
        private readonly byte[] _plain = new byte[ChunkSize];
        private readonly byte[] _cipher = new byte[ChunkSize + TagSize];
        private readonly int _chunks;
        private readonly long _length;
        private int _loaded = -1;
        private int _loadedLength;
        private long _position;

        public DecryptingStream(FileStream file, byte[] key)
        {
            _file = file;
            _aes = new AesGcm(key, TagSize);
            try
            {
                _file.ReadExactly(_header);
                if (!_header.AsSpan(0, 4).SequenceEqual("SPHF"u8) || _header[4] != FormatVersion
                    || BinaryPrimitives.ReadInt32BigEndian(_header.AsSpan(5 + PrefixSize)) != ChunkSize)
                {
                    throw new CryptographicException("The stored upload is not in a known encrypted format.");
                }

                var body = _file.Length - HeaderSize;
                const long stored = ChunkSize + TagSize;
                _chunks = checked((int)(body / stored + (body % stored > 0 ? 1 : 0)));
                _length = body - (long)_chunks * TagSize;
                if (_chunks == 0 || body % stored is > 0 and < TagSize)
                {
                    throw new CryptographicException("The stored upload is truncated.");
                }
            }
            catch
            {
                _aes.Dispose();
                _file.Dispose();
                throw;
            }
        }

        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => _length;

        public override long Position
        {
            get => _position;
            set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
        }

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => _length + offset,
        };

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_position >= _length || buffer.Length == 0)
            {
                return 0;
            }

            var index = (int)(_position / ChunkSize);
            Load(index);
            var within = (int)(_position - (long)index * ChunkSize);
            var n = Math.Min(buffer.Length, _loadedLength - within);
            _plain.AsSpan(within, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        private void Load(int index)
        {
            if (index == _loaded)
            {
                return;
            }

            var last = index == _chunks - 1;
            var length = last ? (int)(_length - (long)index * ChunkSize) : ChunkSize;
            _file.Position = HeaderSize + (long)index * (ChunkSize + TagSize);
            _file.ReadExactly(_cipher, 0, length + TagSize);
            Span<byte> nonce = stackalloc byte[12];
            Nonce(nonce, _header, index, last);
            _loaded = -1;
            // Throws AuthenticationTagMismatchException on any change, reordering or truncation.
            _aes.Decrypt(nonce, _cipher.AsSpan(0, length), _cipher.AsSpan(length, TagSize), _plain.AsSpan(0, length), _header);
            _loaded = index;
            _loadedLength = length;
        }

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                CryptographicOperations.ZeroMemory(_plain);
                _aes.Dispose();
                _file.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
