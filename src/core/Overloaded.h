#pragma once
// std::visit over several lambdas: std::visit(Overloaded{[](const A &) {...}, [](const B &) {...}}, v).

namespace sd {

template<class... Ts>
struct Overloaded : Ts...
{
    using Ts::operator()...;
};

} // namespace sd
