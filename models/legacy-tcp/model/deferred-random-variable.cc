#include "deferred-random-variable.h"

#include "ns3/object-factory.h"

namespace ns3
{

void
DeferredRandomVariable::Set(Ptr<RandomVariableStream> variable)
{
    m_variable = variable;
    m_template = nullptr;
}

void
DeferredRandomVariable::SetTemplate(Ptr<RandomVariableStream> variable)
{
    m_variable = nullptr;
    m_template = variable;
}

Ptr<RandomVariableStream>
DeferredRandomVariable::Peek() const
{
    return m_variable ? m_variable : m_template;
}

void
DeferredRandomVariable::SetStream(int64_t stream)
{
    m_stream = stream;
    if (m_variable)
    {
        m_variable->SetStream(stream);
    }
}

Ptr<RandomVariableStream>
DeferredRandomVariable::Get()
{
    if (!m_variable && m_template)
    {
        // The template's type with each of its attribute values but the stream.
        ObjectFactory factory;
        factory.SetTypeId(m_template->GetInstanceTypeId());
        for (TypeId tid = m_template->GetInstanceTypeId(); tid != Object::GetTypeId();
             tid = tid.GetParent())
        {
            for (uint32_t i = 0; i < tid.GetAttributeN(); ++i)
            {
                TypeId::AttributeInformation info = tid.GetAttribute(i);
                if (info.name == "Stream" || !(info.flags & TypeId::ATTR_CONSTRUCT) ||
                    !info.accessor->HasGetter())
                {
                    continue;
                }
                Ptr<AttributeValue> value = info.checker->Create();
                m_template->GetAttribute(info.name, *value);
                factory.Set(info.name, *value);
            }
        }
        m_variable = factory.Create<RandomVariableStream>();
        m_template = nullptr;
        if (m_stream >= 0)
        {
            m_variable->SetStream(m_stream);
        }
    }
    return m_variable;
}

} // namespace ns3
