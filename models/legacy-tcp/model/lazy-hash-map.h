#ifndef LAZY_HASH_MAP_H
#define LAZY_HASH_MAP_H

#include <cstddef>
#include <memory>
#include <unordered_map>
#include <utility>

namespace ns3
{

/**
 * \brief An unordered_map made at its first insertion: 8 bytes for a map that
 * stays empty, where an empty std::unordered_map is 56.
 *
 * A run of a million hosts keeps several maps per host (connections, listeners,
 * TIME-WAIT records) of which most hosts fill none or one. Only the members the
 * stack uses are here; lookups in a map never made find nothing.
 */
template<class Key, class Value, class Hash = std::hash<Key>> class LazyHashMap
{
    using Map = std::unordered_map<Key, Value, Hash>;

  public:
    using iterator = typename Map::iterator;             //!< as the map's
    using const_iterator = typename Map::const_iterator; //!< as the map's

    /** \param key a key \return its entry, or end() */
    iterator
    find(const Key& key)
    {
        return m_map ? m_map->find(key) : Empty().end();
    }

    /** \param key a key \return its entry, or end() */
    const_iterator
    find(const Key& key) const
    {
        return m_map ? m_map->find(key) : Empty().cend();
    }

    /** \return the first entry */
    iterator
    begin()
    {
        return m_map ? m_map->begin() : Empty().end();
    }

    /** \return past the last entry */
    iterator
    end()
    {
        return m_map ? m_map->end() : Empty().end();
    }

    /** \return the first entry */
    const_iterator
    begin() const
    {
        return m_map ? m_map->cbegin() : Empty().cend();
    }

    /** \return past the last entry */
    const_iterator
    end() const
    {
        return m_map ? m_map->cend() : Empty().cend();
    }

    /** \param key a key \return 1 if it has an entry, else 0 */
    std::size_t
    count(const Key& key) const
    {
        return m_map ? m_map->count(key) : 0;
    }

    /** \return the number of entries */
    std::size_t
    size() const
    {
        return m_map ? m_map->size() : 0;
    }

    /** \param key a key \return its value, made (default) if absent */
    Value&
    operator[](const Key& key)
    {
        return Made()[key];
    }

    /** \param key a key \param value its value \return the entry and whether it is new */
    std::pair<iterator, bool>
    emplace(const Key& key, Value value)
    {
        return Made().emplace(key, std::move(value));
    }

    /** \param key a key \return the number of entries removed */
    std::size_t
    erase(const Key& key)
    {
        return m_map ? m_map->erase(key) : 0;
    }

    /** \param it an entry of this map \return the next one */
    iterator
    erase(iterator it)
    {
        return m_map->erase(it);
    }

    /** \brief Remove every entry (the map stays made). */
    void
    clear()
    {
        if (m_map)
        {
            m_map->clear();
        }
    }

  private:
    Map&
    Made()
    {
        if (!m_map)
        {
            m_map = std::make_unique<Map>();
        }
        return *m_map;
    }

    /// The one empty map whose end() stands for every map not yet made.
    static Map&
    Empty()
    {
        static Map empty;
        return empty;
    }

    std::unique_ptr<Map> m_map; //!< null until the first insertion
};

} // namespace ns3

#endif
