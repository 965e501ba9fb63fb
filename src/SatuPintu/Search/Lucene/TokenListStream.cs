using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using SatuPintu.Search.Analysis;

namespace SatuPintu.Search.Lucene;

/// <summary>Hands Lucene the terms our analyzer already made, so Lucene indexes exactly what PostgreSQL does.</summary>
internal sealed class TokenListStream : TokenStream
{
    private readonly IReadOnlyList<AnalyzedToken> _tokens;
    private readonly bool _surface;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _position;
    private int _next;

    private int _last = -1;

    /// <param name="surface">The words as written, one position each (no expansions); else the terms at their positions.</param>
    public TokenListStream(IReadOnlyList<AnalyzedToken> tokens, bool surface)
    {
        // Expansions stand at the positions of the words they stand for; Lucene takes positions in order.
        _tokens = surface ? tokens : [.. tokens.OrderBy(t => t.Position)];
        _surface = surface;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        while (_next < _tokens.Count)
        {
            var t = _tokens[_next++];
            if (_surface && t.Expansion)
            {
                continue;
            }
            ClearAttributes();
            _term.SetEmpty().Append(_surface ? t.Surface : t.Term);
            _offset.SetOffset(t.Start, t.End);
            _position.PositionIncrement = _surface ? 1 : t.Position - _last;
            _last = _surface ? _last : t.Position;
            return true;
        }
        return false;
    }

    public override void Reset()
    {
        base.Reset();
        _next = 0;
        _last = -1;
    }
}
